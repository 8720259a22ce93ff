/// Reads `generators:` and `transformers:` entries: inline YAML, a file, or a kustomization
/// directory whose resources are the configs. Each config comes with the file that configured it,
/// for origin tracking.
enum PluginConfigs {
    static func load(_ entries: [String], target: KustomizeTarget) throws(OverlayError) -> [(config: Resource, configuredIn: String)] {
        var configs: [(config: Resource, configuredIn: String)] = []
        let loader = target.loader
        for entry in entries {
            if entry.contains("\n"), let inline = try? DirectoryLoader.resources(from: Array(entry.utf8), file: target.fileName),
                !inline.isEmpty
            {
                configs += inline.map { ($0, target.fileName) }
            } else if loader.isDirectory(entry) {
                let sub = try KustomizeTarget(loader: try loader.child(entry), parent: target, path: entry)
                configs += try sub.accumulate(into: Accumulator()).resources.resources.map { ($0, $0.origin?.path ?? entry) }
            } else {
                configs += try loader.resources(in: entry).map { ($0, entry) }
            }
        }
        return configs
    }
}
