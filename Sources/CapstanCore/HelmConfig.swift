/// How an app's chart is rendered: release identity and the values layered over the chart's own.
public struct HelmConfig: Sendable, Hashable {
    /// Defaults to the app's name.
    public var releaseName: String?
    /// `.Release.Namespace`; defaults to the app's targetNamespace.
    public var namespace: String?
    /// Values written inline in the config (an object).
    public var values: JSONValue
    /// Values files, relative to the app's path inside the source, merged in order before `values`.
    public var valuesFiles: [String]
    /// `--set`-style overrides (`path.to.key` → value text), applied last.
    public var set: [String: String]

    public init(
        releaseName: String? = nil, namespace: String? = nil, values: JSONValue = .object([:]),
        valuesFiles: [String] = [], set: [String: String] = [:]
    ) {
        self.releaseName = releaseName
        self.namespace = namespace
        self.values = values
        self.valuesFiles = valuesFiles
        self.set = set
    }
}
