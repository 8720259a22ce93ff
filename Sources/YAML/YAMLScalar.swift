/// A YAML scalar as written: its text (after unescaping and folding), style and explicit tag.
///
/// Resolution (is `true`, `0x1F` or `~` a bool, an int, a null?) is left to the consumer, which
/// knows whether it wants YAML 1.1 or 1.2 rules. `tag` is the full tag libyaml reports
/// (`!!str` arrives as `tag:yaml.org,2002:str`), or nil when the scalar had none.
public struct YAMLScalar: Sendable, Hashable {
    public var value: String
    public var style: YAMLScalarStyle
    public var tag: String?
    public var mark: YAMLMark

    public init(value: String, style: YAMLScalarStyle = .plain, tag: String? = nil, mark: YAMLMark) {
        self.value = value
        self.style = style
        self.tag = tag
        self.mark = mark
    }
}
