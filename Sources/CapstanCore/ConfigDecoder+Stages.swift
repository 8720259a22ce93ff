import YAML

extension ConfigDecoder {
    static let commonStageFields = ["pub", "router", "http", "data", "insecure", "concurrency", "curve", "shards"]
    static let stageFields: [StageName: [String]] = [
        .fetcher: commonStageFields + ["keepArtifacts"],
        .renderer: commonStageFields + ["upstream"],
        .applier: commonStageFields + ["upstream", "kubeconfig", "inventoryNamespace"],
    ]

    func decodeStages(_ root: ConfigFields) -> StagesConfig {
        var stages = StagesConfig()
        let names = StageName.allCases.map(\.rawValue)
        let fields = root.node("stages").flatMap { node in self.fields(node, path: "stages", allowed: names) }
        for name in StageName.allCases {
            let node = fields?.node(name.rawValue)
            let stage = node.map { decodeStage($0, name: name, path: "stages.\(name.rawValue)") } ?? .defaults(for: name)
            switch name {
            case .fetcher: stages.fetcher = stage
            case .renderer: stages.renderer = stage
            case .applier: stages.applier = stage
            }
        }
        stages.renderer.upstream = defaultUpstream(stages.renderer.upstream, from: stages.fetcher)
        stages.applier.upstream = defaultUpstream(stages.applier.upstream, from: stages.renderer)
        return stages
    }

    private func defaultUpstream(_ listed: [UpstreamConfig], from stage: StageConfig) -> [UpstreamConfig] {
        if !listed.isEmpty { return listed }
        if !stage.shards.isEmpty { return stage.shards }
        return [UpstreamConfig(pub: stage.pub, router: stage.router, serverPublicKeyFile: stage.curve?.serverPublicKeyFile)]
    }

    private func decodeStage(_ node: YAMLNode, name: StageName, path: String) -> StageConfig {
        var stage = StageConfig.defaults(for: name)
        guard let fields = fields(node, path: path, allowed: Self.stageFields[name] ?? []) else { return stage }
        stage.pub = endpoint(fields, "pub") ?? stage.pub
        stage.router = endpoint(fields, "router") ?? stage.router
        if let http = fields.string("http") {
            if let problem = ConfigNames.listenProblem(http) { fields.report(problem, "http") }
            stage.http = http
        }
        stage.data = fields.string("data") ?? stage.data
        stage.insecure = fields.bool("insecure") ?? false
        stage.concurrency = fields.int("concurrency") ?? stage.concurrency
        stage.curve = fields.node("curve").flatMap { decodeCurve($0, path: fields.path("curve")) }
        stage.upstream = (fields.list("upstream") ?? []).compactMap { decodeUpstream($0.node, path: $0.path) }
        stage.shards = (fields.list("shards") ?? []).compactMap { decodeUpstream($0.node, path: $0.path) }
        stage.keepArtifacts = fields.int("keepArtifacts") ?? stage.keepArtifacts
        stage.kubeconfig = fields.string("kubeconfig").flatMap { $0.isEmpty ? nil : $0 }
        stage.inventoryNamespace = checkedLabel(fields, "inventoryNamespace") ?? stage.inventoryNamespace
        return stage
    }

    private func endpoint(_ fields: ConfigFields, _ key: String, required: Bool = false) -> String? {
        guard let value = required ? fields.requiredString(key) : fields.string(key) else { return nil }
        if let problem = ConfigNames.endpointProblem(value) { fields.report(problem, key) }
        return value
    }

    private func decodeCurve(_ node: YAMLNode, path: String) -> CurveConfig? {
        let allowed = ["serverSecretKeyFile", "serverPublicKeyFile", "allowedClientKeys", "clientSecretKeyFile", "clientPublicKeyFile"]
        guard let fields = fields(node, path: path, allowed: allowed) else { return nil }
        var curve = CurveConfig(
            serverSecretKeyFile: fields.requiredString("serverSecretKeyFile") ?? "",
            serverPublicKeyFile: fields.requiredString("serverPublicKeyFile") ?? "",
            clientSecretKeyFile: fields.string("clientSecretKeyFile"),
            clientPublicKeyFile: fields.string("clientPublicKeyFile"))
        for item in fields.list("allowedClientKeys") ?? [] {
            guard let key = item.node.scalar?.value else { continue }
            if let problem = ConfigNames.curveKeyProblem(key) { report(problem, at: item.node.mark, path: item.path) }
            curve.allowedClientKeys.append(key)
        }
        return curve
    }

    private func decodeUpstream(_ node: YAMLNode, path: String) -> UpstreamConfig? {
        guard let fields = fields(node, path: path, allowed: ["pub", "router", "serverPublicKeyFile"]) else { return nil }
        let pub = endpoint(fields, "pub", required: true)
        let router = endpoint(fields, "router", required: true)
        return UpstreamConfig(pub: pub ?? "", router: router ?? "", serverPublicKeyFile: fields.string("serverPublicKeyFile"))
    }
}
