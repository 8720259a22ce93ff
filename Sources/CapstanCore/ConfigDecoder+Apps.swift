import YAML

/// A decoded app and where its references were written, for cross-checks.
struct DecodedApp {
    var config: AppConfig
    var path: String
    var nameMark: YAMLMark
    var sourceMark: YAMLMark
    var dependsOnMarks: [YAMLMark]
}

extension ConfigDecoder {
    static let appFields = [
        "name", "source", "path", "targetNamespace", "prune", "wait", "interval", "timeout", "dependsOn",
        "substitute", "suspend", "serviceAccount", "helm",
    ]

    func decodeApps(_ root: ConfigFields) -> [DecodedApp] {
        (root.list("apps") ?? []).compactMap { decodeApp($0.node, path: $0.path) }
    }

    private func decodeApp(_ node: YAMLNode, path: String) -> DecodedApp? {
        guard let fields = fields(node, path: path, allowed: Self.appFields) else { return nil }
        var app = AppConfig(name: decodeName(fields), source: fields.requiredString("source") ?? "")
        app.path = decodeAppPath(fields)
        app.targetNamespace = checkedLabel(fields, "targetNamespace")
        app.prune = fields.bool("prune") ?? false
        app.wait = fields.bool("wait") ?? false
        app.interval = fields.interval("interval") ?? app.interval
        app.timeout = fields.interval("timeout") ?? app.interval
        app.dependsOn = fields.strings("dependsOn") ?? []
        app.substitute = decodeSubstitute(fields)
        app.suspend = fields.bool("suspend") ?? false
        app.serviceAccount = decodeServiceAccount(fields)
        app.helm = fields.node("helm").flatMap { decodeHelm($0, path: fields.path("helm")) }
        let dependsOnMarks = fields.node("dependsOn")?.sequence?.items.map(\.mark) ?? []
        return DecodedApp(
            config: app, path: path, nameMark: fields.values["name"]?.mark ?? fields.mark,
            sourceMark: fields.values["source"]?.mark ?? fields.mark, dependsOnMarks: dependsOnMarks)
    }

    private func decodeAppPath(_ fields: ConfigFields) -> String {
        guard let path = fields.string("path") else { return "." }
        if let problem = ConfigNames.pathProblem(path) { fields.report(problem, "path") }
        return path
    }

    /// An optional field that must be a DNS-1123 label.
    func checkedLabel(_ fields: ConfigFields, _ key: String) -> String? {
        guard let value = fields.string(key) else { return nil }
        if let problem = ConfigNames.labelProblem(value) { fields.report(problem, key) }
        return value
    }

    private func decodeSubstitute(_ fields: ConfigFields) -> [String: String] {
        let values = fields.stringMap("substitute") ?? [:]
        for entry in fields.node("substitute")?.mapping?.entries ?? [] {
            guard let name = entry.key.scalar?.value, let problem = ConfigNames.variableProblem(name) else { continue }
            report(problem, at: entry.key.mark, path: "\(fields.path("substitute")).\(name)")
        }
        return values
    }

    private func decodeServiceAccount(_ fields: ConfigFields) -> String? {
        guard let value = fields.string("serviceAccount") else { return nil }
        let parts = value.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        if parts.count != 2 || parts.contains(where: { ConfigNames.labelProblem($0) != nil }) {
            fields.report("\"\(value)\" must be namespace/name of a service account, like shop/deployer", "serviceAccount")
        }
        return value
    }

    private func decodeHelm(_ node: YAMLNode, path: String) -> HelmConfig? {
        let allowed = ["releaseName", "namespace", "values", "valuesFiles", "set"]
        guard let fields = fields(node, path: path, allowed: allowed) else { return nil }
        var helm = HelmConfig(releaseName: fields.string("releaseName"), namespace: checkedLabel(fields, "namespace"))
        if let values = fields.node("values") {
            if values.mapping == nil {
                fields.report("must be a mapping, not \(ConfigDecoder.kind(of: values))", "values")
            } else {
                helm.values = ConfigValues.json(values)
            }
        }
        helm.valuesFiles = fields.strings("valuesFiles") ?? []
        helm.set = fields.stringMap("set") ?? [:]
        return helm
    }
}
