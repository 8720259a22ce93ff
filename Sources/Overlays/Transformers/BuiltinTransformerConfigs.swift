import CapstanCore

/// The `transformers:` entries: configurations of kustomize's builtin transformers
/// (`apiVersion: builtin`), inline or in files, run in the order listed. Capstan runs no
/// plugin code, so only builtin kinds are accepted.
struct BuiltinTransformerConfigs {
    /// Each config with the file it was configured in (for origin tracking).
    var configs: [(config: Resource, configuredIn: String)] = []
    let loader: DirectoryLoader
    let target: KustomizeTarget

    init(paths: [String], target: KustomizeTarget, config: TransformerConfig) throws(OverlayError) {
        self.loader = target.loader
        self.target = target
        configs = try PluginConfigs.load(paths, target: target)
    }

    func transform(_ resources: inout ResourceList) throws(OverlayError) {
        for (config, configuredIn) in configs {
            try run(config.object, on: &resources)
            target.record(target.originPath.map { Origin.config(config, configuredIn: Origin.join($0, configuredIn)) }, in: &resources)
        }
    }

    private func specs(_ value: JSONValue?) throws(OverlayError) -> FieldSpecSet {
        var set = FieldSpecSet()
        // Plugin configs are read leniently, as kustomize's non-strict YAML decoding does.
        let known: Set<String> = ["group", "version", "kind", "path", "create"]
        for entry in value?.arrayValue ?? [] {
            set.specs.append(try FieldSpec(decoding: .object((entry.objectValue ?? [:]).filter { known.contains($0.key) })))
        }
        return set
    }

    private func strings(_ value: JSONValue?) -> [String: String] {
        (value?.objectValue ?? [:]).mapValues(\.scalarText)
    }

    private func run(_ config: JSONValue, on resources: inout ResourceList) throws(OverlayError) {
        let kind = config["kind"]?.stringValue ?? ""
        switch kind {
        case "PrefixSuffixTransformer", "PrefixTransformer", "SuffixTransformer":
            let fieldSpecs = try specs(config["fieldSpecs"])
            if let prefix = config["prefix"]?.stringValue {
                try NameAffixTransformer(affix: prefix, position: .prefix, fieldSpecs: fieldSpecs).transform(&resources)
            }
            if let suffix = config["suffix"]?.stringValue {
                try NameAffixTransformer(affix: suffix, position: .suffix, fieldSpecs: fieldSpecs).transform(&resources)
            }
        case "NamespaceTransformer":
            let namespace = config.value(at: ["metadata", "namespace"])?.stringValue ?? ""
            try NamespaceTransformer(namespace: namespace, fieldSpecs: specs(config["fieldSpecs"])).transform(&resources)
        case "LabelTransformer":
            try MetadataMapTransformer(entries: strings(config["labels"]), fieldSpecs: specs(config["fieldSpecs"])).transform(&resources)
        case "AnnotationsTransformer":
            try MetadataMapTransformer(entries: strings(config["annotations"]), fieldSpecs: specs(config["fieldSpecs"]))
                .transform(&resources)
        case "ImageTagTransformer":
            let image = try ImageSpec(decoding: config["imageTag"] ?? .object([:]))
            try ImageTransformer(image: image, fieldSpecs: specs(config["fieldSpecs"])).transform(&resources)
        case "ReplicaCountTransformer":
            let replica = try ReplicaSpec(decoding: config["replica"] ?? .object([:]))
            try ReplicaTransformer(replica: replica, fieldSpecs: specs(config["fieldSpecs"])).transform(&resources)
        case "PatchJson6902Transformer", "PatchTransformer":
            let target = try config["target"].map { (value) throws(OverlayError) in try Selector(decoding: value) }
            let text: String
            let source: String
            if let path = config["path"]?.stringValue, !path.isEmpty {
                text = String(decoding: try loader.load(path), as: UTF8.self)
                source = "[path: \"\(path)\"]"
            } else {
                text = config["jsonOp"]?.stringValue ?? config["patch"]?.stringValue ?? ""
                source = "[patch: \(JSONValue.string(text).serialized(escapingHTML: true))]"
            }
            let options = (config["options"]?.objectValue ?? [:]).mapValues { $0.boolValue ?? false }
            try PatchTransformer(text: text, target: target, options: options, source: source, custom: self.target.context.customSchema)
                .transform(&resources)
        case "PatchStrategicMergeTransformer":
            var patches: [Resource] = []
            for path in config["paths"]?.arrayValue ?? [] {
                patches += try loader.resources(in: path.scalarText)
            }
            if let inline = config["patches"]?.stringValue {
                patches += try DirectoryLoader.resources(from: Array(inline.utf8), file: "patches")
            }
            try StrategicPatchList(patches: patches, custom: self.target.context.customSchema).transform(&resources)
        case "ReplacementTransformer":
            try ReplacementTransformer(loading: config["replacements"]?.arrayValue ?? [], loader: loader).transform(&resources)
        default:
            let name = config.value(at: ["metadata", "name"])?.stringValue ?? ""
            throw OverlayError(
                "unable to load builtin \(kind).\(config["apiVersion"]?.stringValue ?? "").[noGrp]/\(name).[noNs]: Capstan runs builtin transformers only")
        }
    }
}
