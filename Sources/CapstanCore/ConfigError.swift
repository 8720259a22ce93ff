import YAML

/// Every mistake found in a config file, so a user fixes them all in one go.
///
/// Prints one problem per line, in file order: `file:line:col: field.path: message`.
public struct ConfigError: Error, Sendable, Hashable, CustomStringConvertible {
    public var problems: [ConfigProblem]

    public init(problems: [ConfigProblem]) {
        self.problems = problems
    }

    public var description: String { problems.map(\.description).joined(separator: "\n") }
}

/// One mistake in a config file: where it is, which field, and what is wrong.
public struct ConfigProblem: Sendable, Hashable, CustomStringConvertible {
    public var file: String
    /// 1-based; 0 when the problem concerns the whole file (it cannot be read).
    public var line: Int
    public var column: Int
    /// The field, like `apps[1].dependsOn[0]`; empty for problems of the YAML text itself.
    public var path: String
    public var message: String

    public init(file: String, line: Int, column: Int, path: String, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.path = path
        self.message = message
    }

    init(_ error: YAMLError) {
        self.init(file: error.file, line: error.line, column: error.column, path: "", message: error.reason)
    }

    public var description: String {
        let place = line > 0 ? "\(file):\(line):\(column)" : file
        return path.isEmpty ? "\(place): \(message)" : "\(place): \(path): \(message)"
    }
}
