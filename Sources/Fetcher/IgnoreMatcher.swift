/// Decides which paths of a source stay out of its artifact: the source's `ignore` list and the
/// repository's `.sourceignore`, in gitignore syntax, the last matching pattern winning.
public struct IgnoreMatcher: Sendable {
    private var patterns: [IgnorePattern] = []

    /// A matcher for the lines of `texts`, applied in order.
    public init(_ texts: [String] = []) {
        for text in texts { add(text) }
    }

    /// Appends the patterns of a gitignore-syntax text.
    public mutating func add(_ text: String) {
        patterns += text.split(omittingEmptySubsequences: true, whereSeparator: \.isNewline).compactMap(IgnorePattern.init(line:))
    }

    public var isEmpty: Bool { patterns.isEmpty }

    /// True when `path` (slash-separated; a directory ends with `/`) is ignored.
    public func ignores(_ path: String) -> Bool {
        guard !patterns.isEmpty else { return false }
        let isDirectory = path.hasSuffix("/")
        let components = path.utf8.split(separator: 0x2f).map(Array.init)
        var ignored = false
        for pattern in patterns where pattern.negated == ignored {
            if pattern.matches(components, isDirectory: isDirectory) { ignored = !pattern.negated }
        }
        return ignored
    }
}
