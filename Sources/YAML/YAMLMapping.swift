/// A YAML mapping that keeps its keys in the order they were written.
///
/// Keys are unique (the parser refuses duplicates). A merge key `<<` is kept as an ordinary
/// entry whose key is the plain scalar `<<`: applying it is the consumer's decision.
public struct YAMLMapping: Sendable, Hashable {
    /// One `key: value` pair of a mapping.
    public struct Entry: Sendable, Hashable {
        public var key: YAMLNode
        public var value: YAMLNode

        public init(key: YAMLNode, value: YAMLNode) {
            self.key = key
            self.value = value
        }
    }

    public var entries: [Entry]
    public var tag: String?
    public var mark: YAMLMark

    public init(entries: [Entry], tag: String? = nil, mark: YAMLMark) {
        self.entries = entries
        self.tag = tag
        self.mark = mark
    }
}
