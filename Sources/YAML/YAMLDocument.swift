/// One document of a YAML stream; `root` is nil for an empty document (`---` with no content).
public struct YAMLDocument: Sendable, Hashable {
    public var root: YAMLNode?
    public var mark: YAMLMark

    public init(root: YAMLNode?, mark: YAMLMark) {
        self.root = root
        self.mark = mark
    }
}
