import CapstanCore
import YAML

/// Mappings: key spelling and `<<` merge keys, as yaml.v3 (kustomize) or yaml.v2 (Helm) apply them.
extension ManifestDecoder {
    func convertMapping(_ mapping: YAMLMapping, file: String, topLevel: Bool) throws(ManifestDecodeError) -> [String: JSONValue] {
        var members: [String: JSONValue] = [:]
        members.reserveCapacity(mapping.entries.count)
        // Only yaml.v3's deferred merges need the explicit keys; Helm's v2 merges in place.
        var explicitKeys: [String] = []
        var merges: [YAMLNode] = []
        for entry in mapping.entries {
            if isMergeKey(entry.key) {
                if semantics == .helm {
                    try merge(entry.value, into: &members, keeping: [], file: file)
                } else {
                    merges.append(entry.value)
                }
                continue
            }
            let key = try keyText(entry.key, file: file, topLevel: topLevel)
            members[key] = try convert(entry.value, file: file)
            if semantics != .helm { explicitKeys.append(key) }
        }
        // yaml.v3 applies merges after the explicit keys and never lets them override one.
        if !merges.isEmpty {
            let explicit = Set(explicitKeys)
            for source in merges { try merge(source, into: &members, keeping: explicit, file: file) }
        }
        return members
    }

    func isMergeKey(_ key: YAMLNode) -> Bool {
        guard case .scalar(let scalar) = key, scalar.style == .plain, scalar.value == "<<" else { return false }
        return scalar.tag == nil || scalar.tag == "tag:yaml.org,2002:merge"
    }

    /// Merges one `<<` value: a mapping, or a sequence of mappings where earlier ones win.
    func merge(_ source: YAMLNode, into members: inout [String: JSONValue], keeping: Set<String>, file: String) throws(ManifestDecodeError) {
        switch source {
        case .mapping(let mapping):
            let merged = try convertMapping(mapping, file: file, topLevel: false)
            for (key, value) in merged where !keeping.contains(key) { members[key] = value }
        case .sequence(let sequence):
            var kept = keeping
            for item in sequence.items {
                guard case .mapping(let mapping) = item else {
                    throw fail(item.mark, file, "map merge requires a mapping or a sequence of mappings as the value of '<<'")
                }
                let merged = try convertMapping(mapping, file: file, topLevel: false)
                if semantics == .helm {
                    // v2 walks the list backwards, so earlier mappings overwrite later ones.
                    for (key, value) in merged where !kept.contains(key) { members[key] = value }
                    kept.formUnion(merged.keys)
                } else {
                    for (key, value) in merged where !kept.contains(key) { members[key] = value }
                    kept.formUnion(merged.keys)
                }
            }
        case .scalar:
            throw fail(source.mark, file, "map merge requires a mapping or a sequence of mappings as the value of '<<'")
        }
    }

    /// A mapping key as a JSON member name. kustomize keeps a top-level key's text but cannot
    /// turn a nested non-string key into JSON; Helm spells ints, floats, bools and null out.
    func keyText(_ key: YAMLNode, file: String, topLevel: Bool) throws(ManifestDecodeError) -> String {
        guard case .scalar(let scalar) = key else {
            throw fail(key.mark, file, "a mapping key must be a scalar to become a JSON member name")
        }
        if scalar.style != .plain || scalar.tag == "tag:yaml.org,2002:str" { return scalar.value }
        let resolved = ScalarResolver.resolve(scalar.value, schema: schema)
        switch resolved {
        case .string, .merge: return scalar.value
        case .timestamp: return scalar.value
        default:
            if semantics == .kustomize {
                if topLevel { return scalar.value }
                throw fail(scalar.mark, file, "key '\(scalar.value)' is not a string (kustomize cannot convert it to JSON); quote it")
            }
            switch resolved {
            case .int(let number): return String(number)
            case .uint(let number): return String(number)
            case .float(let number): return GoFloat.formatG(number)
            case .bool(let flag): return flag ? "true" : "false"
            default: return "null"
            }
        }
    }
}
