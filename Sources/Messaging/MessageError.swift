/// Why a received message was refused; the receiver logs it once and carries on.
public struct MessageError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What was wrong, e.g. "header is not a JSON object".
    public let reason: String

    public init(_ reason: String) { self.reason = reason }

    public var description: String { "malformed message: \(reason)" }
}
