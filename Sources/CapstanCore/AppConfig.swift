/// Something to deploy: a path in a source, rendered and applied to a namespace on a schedule.
public struct AppConfig: Sendable, Hashable {
    /// DNS-1123 label naming the app in events (`bundle.<name>`, `status.<name>`) and inventories.
    public var name: String
    /// The name of the source the app reads.
    public var source: String
    /// A relative path inside the source. Defaults to `.` (the repository root).
    public var path: String
    /// The namespace given to namespaced objects that name none.
    public var targetNamespace: String?
    /// Delete objects that left the bundle. Defaults to false.
    public var prune: Bool
    /// Wait for applied objects to become healthy. Defaults to false.
    public var wait: Bool
    /// How often to re-apply and heal drift. Defaults to 10m.
    public var interval: Interval
    /// How long health may take. Defaults to the app's interval.
    public var timeout: Interval
    /// Apps that must be Ready before this one is applied.
    public var dependsOn: [String]
    /// Values for `${VAR}` post-build substitution.
    public var substitute: [String: String]
    /// When true, nothing is changed in the cluster; drift is only reported.
    public var suspend: Bool
    /// `namespace/name` of a service account whose permissions the applier takes for this app.
    public var serviceAccount: String?
    /// How to render a Helm chart at `path`, when the app has one.
    public var helm: HelmConfig?

    public init(
        name: String, source: String, path: String = ".", targetNamespace: String? = nil, prune: Bool = false,
        wait: Bool = false, interval: Interval = .minutes(10), timeout: Interval? = nil, dependsOn: [String] = [],
        substitute: [String: String] = [:], suspend: Bool = false, serviceAccount: String? = nil,
        helm: HelmConfig? = nil
    ) {
        self.name = name
        self.source = source
        self.path = path
        self.targetNamespace = targetNamespace
        self.prune = prune
        self.wait = wait
        self.interval = interval
        self.timeout = timeout ?? interval
        self.dependsOn = dependsOn
        self.substitute = substitute
        self.suspend = suspend
        self.serviceAccount = serviceAccount
        self.helm = helm
    }
}
