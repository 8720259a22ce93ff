import CapstanCore

extension RenderRequest {
    /// The request for `app` at a tree unpacked at `root`: its path, substitutions, and chart
    /// settings with Helm's release defaults filled from the app (name, targetNamespace).
    public init(app: AppConfig, root: String) {
        var helm = app.helm ?? HelmConfig()
        helm.releaseName = helm.releaseName ?? app.name
        helm.namespace = helm.namespace ?? app.targetNamespace ?? "default"
        self.init(root: root, path: app.path, substitute: app.substitute, helm: helm)
    }
}
