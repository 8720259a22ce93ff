/// What `helm template` takes besides the chart and values: release, capabilities, output switches.
public struct RenderOptions: Sendable {
    public var releaseName: String
    public var namespace: String
    public var kubeVersion: String
    public var extraAPIVersions: [String]
    public var includeCRDs: Bool
    public var skipTests: Bool
    /// `--is-upgrade`: `.Release.IsUpgrade` true, `.Release.IsInstall` false.
    public var isUpgrade = false
    /// `--no-hooks`: hook manifests are left out.
    public var noHooks = false
    /// `--skip-schema-validation`: `values.schema.json` files are not checked.
    public var skipSchemaValidation = false
    /// `--show-only`: only manifests whose path in the chart (`templates/x.yaml`) matches one of
    /// these `filepath.Match` patterns, pattern by pattern.
    public var showOnly: [String] = []

    public init(releaseName: String = "release-name", namespace: String = "default", kubeVersion: String = "v1.32.0",
                extraAPIVersions: [String] = [], includeCRDs: Bool = false, skipTests: Bool = false) {
        self.releaseName = releaseName
        self.namespace = namespace
        self.kubeVersion = kubeVersion
        self.extraAPIVersions = extraAPIVersions
        self.includeCRDs = includeCRDs
        self.skipTests = skipTests
    }

    /// The group/versions client-go's scheme registers (what Helm reports without a cluster).
    public static let defaultAPIVersions = [
        "v1", "admissionregistration.k8s.io/v1", "admissionregistration.k8s.io/v1beta1", "apiextensions.k8s.io/v1",
        "apiregistration.k8s.io/v1", "apps/v1", "authentication.k8s.io/v1", "authorization.k8s.io/v1",
        "autoscaling/v1", "autoscaling/v2", "batch/v1", "certificates.k8s.io/v1", "coordination.k8s.io/v1",
        "discovery.k8s.io/v1", "events.k8s.io/v1", "flowcontrol.apiserver.k8s.io/v1", "networking.k8s.io/v1",
        "node.k8s.io/v1", "policy/v1", "rbac.authorization.k8s.io/v1", "scheduling.k8s.io/v1", "storage.k8s.io/v1",
    ]
}
