import CapstanCore

/// The `generators:` entries: configurations of kustomize's builtin generators
/// (ConfigMapGenerator, SecretGenerator, IAMPolicyGenerator with `apiVersion: builtin`), inline
/// or in files. Capstan runs no plugin code, so other kinds are refused.
struct BuiltinGeneratorConfigs {
    /// Each config with the file it was configured in (for origin tracking).
    var configs: [(config: Resource, configuredIn: String)] = []
    let loader: DirectoryLoader
    let originPath: String?

    init(entries: [String], target: KustomizeTarget) throws(OverlayError) {
        loader = target.loader
        originPath = target.originPath
        configs = try PluginConfigs.load(entries, target: target)
    }

    func generate(globalOptions: GeneratorOptions?) throws(OverlayError) -> [Resource] {
        let generator = DataGenerator(tree: loader.tree, directory: loader.directory)
        var result: [Resource] = []
        for (config, configuredIn) in configs {
            var object = config.object
            let kind = config.kind
            switch kind {
            case "ConfigMapGenerator", "SecretGenerator":
                // Builtin plugin configs are read leniently: unknown fields are ignored, and the
                // name and namespace default to the config's own metadata.
                let known: Set<String> = ["name", "namespace", "behavior", "literals", "files", "envs", "env", "type", "options"]
                let metadata = object["metadata"]
                object = .object((object.objectValue ?? [:]).filter { known.contains($0.key) })
                if object["name"] == nil { object["name"] = metadata?["name"] ?? .null }
                if object["namespace"] == nil { object["namespace"] = metadata?["namespace"] ?? .null }
                let spec = try GeneratorSpec(decoding: object, secret: kind == "SecretGenerator")
                var generated = kind == "SecretGenerator"
                    ? try generator.secret(spec, globalOptions: nil)
                    : try generator.configMap(spec, globalOptions: nil)
                generated.origin = originPath.map { Origin.config(config, configuredIn: Origin.join($0, configuredIn)) }
                result.append(generated)
            case "IAMPolicyGenerator":
                var generated = try Self.serviceAccount(for: object)
                generated.origin = originPath.map { Origin.config(config, configuredIn: Origin.join($0, configuredIn)) }
                result.append(generated)
            default:
                throw OverlayError("unable to load builtin \(kind): Capstan runs builtin generators only")
            }
        }
        return result
    }

    /// GKE workload identity: a ServiceAccount annotated with its Google service account.
    private static func serviceAccount(for config: JSONValue) throws(OverlayError) -> Resource {
        guard config["cloud"]?.stringValue == "gke" else {
            throw OverlayError("IAMPolicyGenerator: only cloud 'gke' is supported")
        }
        let account = config["serviceAccount"]
        guard let name = account?["name"]?.stringValue, let project = account?["projectId"]?.stringValue,
            let serviceName = config.value(at: ["kubernetesService", "name"])?.stringValue
        else { throw OverlayError("IAMPolicyGenerator: serviceAccount.name, projectId and kubernetesService.name are required") }
        var metadata: [String: JSONValue] = [
            "name": .string(serviceName),
            "annotations": ["iam.gke.io/gcp-service-account": .string("\(name)@\(project).iam.gserviceaccount.com")],
        ]
        if let namespace = config.value(at: ["kubernetesService", "namespace"])?.stringValue {
            metadata["namespace"] = .string(namespace)
        }
        return Resource(object: ["apiVersion": "v1", "kind": "ServiceAccount", "metadata": .object(metadata)])
    }
}
