/// A position in a YAML text, so every error and every node can point at its source line.
///
/// Both numbers are 1-based; `column` counts Unicode characters on the line, as libyaml does.
public struct YAMLMark: Sendable, Hashable, CustomStringConvertible {
    public var line: Int
    public var column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    public var description: String { "\(line):\(column)" }
}
