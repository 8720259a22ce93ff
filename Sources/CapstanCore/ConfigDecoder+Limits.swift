extension ConfigDecoder {
    func decodeLimits(_ root: ConfigFields) -> LimitsConfig {
        var limits = LimitsConfig()
        let sizes: [(String, WritableKeyPath<LimitsConfig, Int>)] = [
            ("artifactBytes", \.artifactBytes), ("fileBytes", \.fileBytes), ("renderBytes", \.renderBytes),
            ("messageBytes", \.messageBytes), ("webhookBytes", \.webhookBytes),
        ]
        let counts: [(String, WritableKeyPath<LimitsConfig, Int>)] = [
            ("artifactFiles", \.artifactFiles), ("renderFiles", \.renderFiles), ("documents", \.documents),
            ("yamlAliases", \.yamlAliases), ("yamlExpandedNodes", \.yamlExpandedNodes), ("yamlDepth", \.yamlDepth),
        ]
        guard let node = root.node("limits"),
            let fields = fields(node, path: "limits", allowed: (sizes + counts).map(\.0))
        else { return limits }
        for (key, path) in sizes { limits[keyPath: path] = fields.size(key) ?? limits[keyPath: path] }
        for (key, path) in counts { limits[keyPath: path] = fields.int(key) ?? limits[keyPath: path] }
        return limits
    }
}
