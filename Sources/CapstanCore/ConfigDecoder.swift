import YAML

/// Walks a config's YAML nodes into typed values, collecting every problem instead of stopping.
///
/// Not Sendable: one decoder serves one `CapstanConfig.decode` call.
final class ConfigDecoder {
    let file: String
    private(set) var problems: [ConfigProblem] = []

    init(file: String) {
        self.file = file
    }

    /// Problems in file order (line, then column), the order a user reads them in.
    var sortedProblems: [ConfigProblem] {
        problems.enumerated().sorted { left, right in
            let (a, b) = (left.element, right.element)
            if a.line != b.line { return a.line < b.line }
            if a.column != b.column { return a.column < b.column }
            return left.offset < right.offset
        }.map(\.element)
    }

    func report(_ message: String, at mark: YAMLMark, path: String) {
        problems.append(ConfigProblem(file: file, line: mark.line, column: mark.column, path: path, message: message))
    }

    /// The fields of the mapping `node`, reporting a non-mapping and every key not in `allowed`.
    func fields(_ node: YAMLNode, path: String, allowed: [String]) -> ConfigFields? {
        guard case .mapping(let mapping) = node else {
            report("must be a mapping, not \(Self.kind(of: node))", at: node.mark, path: path)
            return nil
        }
        var values: [String: YAMLNode] = [:]
        for entry in mapping.entries {
            guard let key = entry.key.scalar?.value else {
                report("keys must be field names", at: entry.key.mark, path: path)
                continue
            }
            let keyPath = ConfigFields.join(path, key)
            guard allowed.contains(key) else {
                report("unknown field (known fields: \(allowed.joined(separator: ", ")))", at: entry.key.mark, path: keyPath)
                continue
            }
            values[key] = entry.value
        }
        return ConfigFields(decoder: self, path: path, mark: mapping.mark, values: values)
    }

    /// How errors name the kind of a node: `a list`, `a mapping`, `a string`.
    static func kind(of node: YAMLNode) -> String {
        switch node {
        case .scalar: "a scalar"
        case .sequence: "a list"
        case .mapping: "a mapping"
        }
    }

    /// Decodes the document root (nil for an empty file: every default).
    func decodeConfig(_ root: YAMLNode?) -> CapstanConfig {
        guard let root, !ConfigFields.isNull(root),
            let fields = fields(root, path: "", allowed: ["sources", "apps", "stages", "limits"])
        else { return CapstanConfig() }
        let sources = decodeSources(fields)
        let apps = decodeApps(fields)
        checkReferences(sources: sources, apps: apps)
        return CapstanConfig(
            sources: sources.map(\.config), apps: apps.map(\.config), stages: decodeStages(fields),
            limits: decodeLimits(fields))
    }
}
