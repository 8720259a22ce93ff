/// A YAML sequence (block `- a` or flow `[a]`) with its items in order.
public struct YAMLSequence: Sendable, Hashable {
    public var items: [YAMLNode]
    public var tag: String?
    public var mark: YAMLMark

    public init(items: [YAMLNode], tag: String? = nil, mark: YAMLMark) {
        self.items = items
        self.tag = tag
        self.mark = mark
    }
}
