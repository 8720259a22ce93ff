/// Why a YAML text was refused, with the file, line and column to look at.
///
/// `reason` is libyaml's own problem and context for syntax errors, or says which limit or
/// rule (duplicate keys, unknown anchors) the text broke.
public struct YAMLError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The broad class of a failure, so callers can branch without reading text.
    public enum Kind: Sendable, Hashable {
        /// libyaml could not read the text (bad syntax, bad encoding).
        case syntax
        /// The text is valid YAML but breaks a rule of the model (duplicate key, unknown anchor).
        case invalid
        /// The text exceeds a `YAMLLimits` bound.
        case limit
    }

    public var file: String
    public var line: Int
    public var column: Int
    public var reason: String
    public var kind: Kind

    public init(file: String, line: Int, column: Int, reason: String, kind: Kind = .syntax) {
        self.file = file
        self.line = line
        self.column = column
        self.reason = reason
        self.kind = kind
    }

    /// `file:line:column: reason`, the form editors and terminals link to.
    public var description: String { "\(file):\(line):\(column): \(reason)" }
}
