import CapstanCore

/// What to render: a directory inside an unpacked tree, and the variables to substitute.
public struct RenderRequest: Sendable, Equatable {
    /// The directory every path must stay inside (the unpacked artifact, or a checkout).
    public var root: String
    /// The app's directory, relative to `root`.
    public var path: String
    /// Post-build substitution variables; none means no substitution, as in Flux.
    public var substitute: [String: String]
    /// How to render a chart at `path` (release, values); nil renders with Helm's defaults.
    public var helm: HelmConfig?

    public init(root: String, path: String = ".", substitute: [String: String] = [:], helm: HelmConfig? = nil) {
        self.root = root
        self.path = path
        self.substitute = substitute
        self.helm = helm
    }
}
