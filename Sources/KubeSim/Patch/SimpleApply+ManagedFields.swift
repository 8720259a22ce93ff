import CapstanCore

extension SimpleApply {
    /// The managedFields entries of an object, with their field sets decoded.
    static func entries(_ object: JSONValue?) -> [Entry] {
        (object?.value(at: ["metadata", "managedFields"])?.arrayValue ?? []).compactMap { item in
            guard let manager = item["manager"]?.stringValue else { return nil }
            return Entry(manager: manager, operation: item["operation"]?.stringValue ?? "Update",
                         apiVersion: item["apiVersion"]?.stringValue ?? "", subresource: item["subresource"]?.stringValue,
                         time: item["time"]?.stringValue, fields: decode(item["fieldsV1"] ?? [:]))
        }
    }

    /// Writes entries back as sorted managedFields, dropping managers that own nothing.
    static func store(_ entries: [Entry], in object: JSONValue) -> JSONValue {
        let kept = entries.filter { !$0.fields.isEmpty }.sorted {
            ($0.operation, $0.time ?? "", $0.manager, $0.apiVersion, $0.subresource ?? "")
                < ($1.operation, $1.time ?? "", $1.manager, $1.apiVersion, $1.subresource ?? "")
        }
        var object = object
        let encoded: [JSONValue] = kept.map { entry in
            var item: JSONValue = ["manager": .string(entry.manager), "operation": .string(entry.operation),
                                   "apiVersion": .string(entry.apiVersion), "fieldsType": "FieldsV1",
                                   "fieldsV1": encode(entry.fields)]
            if let time = entry.time { item["time"] = .string(time) }
            if let subresource = entry.subresource { item["subresource"] = .string(subresource) }
            return item
        }
        object.setValue(encoded.isEmpty ? .null : .array(encoded), at: ["metadata", "managedFields"])
        if encoded.isEmpty { ObjectRules.removeNulls(&object) }
        return object
    }

    static func encode(_ fields: Set<Path>) -> JSONValue {
        var root = JSONValue.object([:])
        for path in fields { root.setValue([:], at: path.map { "f:" + $0 }) }
        return root
    }

    static func decode(_ trie: JSONValue) -> Set<Path> {
        var result = Set<Path>()
        func walk(_ node: JSONValue, _ path: Path) {
            let members = node.objectValue ?? [:]
            if members.isEmpty || members["."] != nil, !path.isEmpty { result.insert(path) }
            for (key, child) in members where key.hasPrefix("f:") { walk(child, path + [String(key.dropFirst(2))]) }
        }
        walk(trie, [])
        return result
    }

    /// 409 with one `FieldManagerConflict` cause per path, worded as structured-merge-diff words it.
    static func conflictStatus(_ conflicts: [(Entry, Path)]) -> APIStatus {
        func name(_ entry: Entry) -> String {
            if entry.operation == "Apply" { return "\"\(entry.manager)\"" }
            if let subresource = entry.subresource { return "\"\(entry.manager)\" with subresource \"\(subresource)\"" }
            return "\"\(entry.manager)\" using \(entry.apiVersion)"
        }
        func field(_ path: Path) -> String { path.map { "." + $0 }.joined() }
        let message: String
        if conflicts.count == 1 {
            message = "Apply failed with 1 conflict: conflict with \(name(conflicts[0].0)): \(field(conflicts[0].1))"
        } else {
            let grouped = Dictionary(grouping: conflicts, by: { name($0.0) })
            let lines = grouped.keys.sorted().flatMap { manager in
                ["conflicts with \(manager):"] + grouped[manager]!.map { "- \(field($0.1))" }
            }
            message = "Apply failed with \(conflicts.count) conflicts: " + lines.joined(separator: "\n")
        }
        let causes: [JSONValue] = conflicts.map {
            ["reason": "FieldManagerConflict", "message": .string("conflict with \(name($0.0))"), "field": .string(field($0.1))]
        }
        return APIStatus(code: 409, reason: "Conflict", message: message, details: ["causes": .array(causes)])
    }
}
