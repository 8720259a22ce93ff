/// A failure the CLI reports in one line on standard error (plus a hint), exiting non-zero.
public struct CLIError: Error, CustomStringConvertible {
    public var message: String
    public var hint: String?
    public var exitCode: Int32

    public init(_ message: String, hint: String? = nil, exitCode: Int32 = 1) {
        self.message = message
        self.hint = hint
        self.exitCode = exitCode
    }

    public var description: String { hint.map { "\(message)\nhint: \($0)" } ?? message }
}
