/// Why a chart could not be loaded or rendered, naming the chart file and what to fix.
public struct ChartError: Error, Sendable, CustomStringConvertible {
    public let message: String

    public init(_ message: String) { self.message = message }

    public var description: String { message }
}
