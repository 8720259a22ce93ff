/// Why a chart could not be loaded or rendered, naming the chart file and what to fix.
public struct ChartError: Error, Sendable, CustomStringConvertible {
    public let message: String
    /// Whether rendering had started (a template or its YAML failed): `helm template` then adds
    /// a hint to use `--debug`.
    public var duringRender = false

    public init(_ message: String, duringRender: Bool = false) {
        self.message = message
        self.duringRender = duringRender
    }

    public var description: String { message }
}
