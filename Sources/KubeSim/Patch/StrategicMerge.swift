import CapstanCore

/// A simplified strategic merge patch: `null` deletes, lists of objects merge by the usual merge keys,
/// `$patch`, `$setElementOrder`, `$retainKeys` and `$deleteFromPrimitiveList` are understood coarsely.
enum StrategicMerge {
    static let mergeKeys: [String: String] = [
        "containers": "name", "initContainers": "name", "ephemeralContainers": "name", "env": "name",
        "volumes": "name", "imagePullSecrets": "name", "volumeMounts": "mountPath", "ports": "containerPort",
        "conditions": "type", "ownerReferences": "uid", "hostAliases": "ip", "topologySpreadConstraints": "topologyKey",
    ]

    static func apply(_ patch: JSONValue, to target: JSONValue) -> JSONValue {
        guard case .object(var changes) = patch else { return patch }
        if changes["$patch"] == "replace" {
            changes["$patch"] = nil
            return .object(changes)
        }
        if changes["$patch"] == "delete" { return .null }
        var members = target.objectValue ?? [:]
        changes["$retainKeys"] = nil
        for (key, change) in changes {
            if key.hasPrefix("$setElementOrder/") { continue }
            if key.hasPrefix("$deleteFromPrimitiveList/") {
                let field = String(key.dropFirst("$deleteFromPrimitiveList/".count))
                let doomed = change.arrayValue ?? []
                if case .array(let items)? = members[field] { members[field] = .array(items.filter { !doomed.contains($0) }) }
                continue
            }
            if change == .null {
                members[key] = nil
            } else if case .array(let items) = change, let mergeKey = mergeKeys[key], case .array(let live)? = members[key] {
                members[key] = .array(mergeList(items, into: live, key: mergeKey))
            } else {
                members[key] = apply(change, to: members[key] ?? .null)
            }
        }
        return .object(members)
    }

    private static func mergeList(_ patch: [JSONValue], into live: [JSONValue], key: String) -> [JSONValue] {
        var result = live
        for item in patch {
            guard let identity = item[key] else {
                result.append(item)
                continue
            }
            let index = result.firstIndex { $0[key] == identity }
            if item["$patch"] == "delete" {
                if let index { result.remove(at: index) }
            } else if let index {
                result[index] = apply(item, to: result[index])
            } else {
                result.append(apply(item, to: .null))
            }
        }
        return result
    }
}
