import CapstanCore
import Patching

/// kustomize's strategic merge (kyaml's merge2 with list items prepended): how a
/// `patchesStrategicMerge`/`patches` entry changes a resource.
///
/// It differs from the API server's strategic merge patch in ways that show in the output:
/// list items the patch names come first, in the patch's order, then the others; keyed lists
/// use `x-kubernetes-list-map-keys` when the schema has them; lists of kinds without a schema
/// are replaced whole; `$patch: delete|replace|merge` work at any depth.
enum StrategicMerge {
    /// Merges `patch` into `target`; nil when the patch deletes the whole object.
    /// A custom schema in force (a kustomization's `openapi.path`) is consulted first; kustomize
    /// adds its definitions to the built-in ones.
    static func merge(_ patch: JSONValue, into target: JSONValue, custom: CustomSchema? = nil) throws(OverlayError) -> JSONValue? {
        let apiVersion = target["apiVersion"]?.stringValue ?? ""
        let kind = target["kind"]?.stringValue ?? ""
        let schema = custom?.root(for: GVK(apiVersion: apiVersion, kind: kind))
            ?? ObjectSchema.builtin(apiVersion: apiVersion, kind: kind).map { .builtin(SchemaNodeBox($0.root)) }
        return try merge(dest: target, patch: patch, schema: schema)
    }

    private static func merge(dest: JSONValue?, patch: JSONValue?, schema: MergeSchema?) throws(OverlayError) -> JSONValue? {
        let kindSource = isMissing(dest) ? patch : dest
        switch kindSource {
        case .object?: return try mergeObject(dest: dest, patch: patch, schema: schema)
        case .array?: return try mergeList(dest: dest, patch: patch, schema: schema)
        case nil, .null?: return try isMissing(dest) && patch == nil ? dest : mergeObject(dest: dest, patch: patch, schema: schema)
        default:
            if let patch { return patch == .null ? nil : patch }
            return dest
        }
    }

    private static func isMissing(_ value: JSONValue?) -> Bool { value == nil || value == .null }

    private static func mergeObject(dest: JSONValue?, patch: JSONValue?, schema: MergeSchema?) throws(OverlayError) -> JSONValue? {
        var patchMembers: [String: JSONValue]?
        var directive = Directive.merge
        switch patch {
        case .object(let members)?:
            (directive, patchMembers) = try Directive.split(members)
        case .null?:
            if !isMissing(dest) { return nil }
        case nil:
            break
        case let other?:
            throw OverlayError("no implemented strategic merge patch strategy for '\(FieldReader.goType(other))'")
        }
        if directive == .delete { return nil }
        var result: [String: JSONValue]
        if isMissing(dest) || directive == .replace {
            // A patch landing where nothing is still has its inner directives applied.
            guard let patchMembers else { return dest }
            result = patchMembers
        } else {
            guard case .object(let members)? = dest else { return patch }
            result = members
        }
        guard let patchMembers else { return .object(result) }
        for key in Set(result.keys).union(patchMembers.keys).sorted() {
            let merged = try merge(dest: result[key], patch: patchMembers[key], schema: schema?.field(key))
            result[key] = merged
        }
        return .object(result)
    }

    private static func mergeList(dest: JSONValue?, patch: JSONValue?, schema: MergeSchema?) throws(OverlayError) -> JSONValue? {
        guard let keys = schema?.strategicMergeKeys else {
            return patch ?? dest
        }
        var patchItems: [JSONValue] = []
        switch patch {
        case .array(let items)?:
            let (directive, remaining) = try Directive.split(list: items)
            switch directive {
            case .delete: return nil
            case .replace: return try clean(.array(remaining), schema: schema)
            case .merge: patchItems = remaining
            }
        case .null?:
            return isMissing(dest) ? dest : nil
        case nil:
            return dest
        case let other?:
            throw OverlayError("wrong node kind: expected SequenceNode but got \(FieldReader.goType(other))")
        }
        // With nothing to merge into, the patch's own list is the destination (kyaml's walker
        // does this), so items without a key value survive.
        let destItems = isMissing(dest) ? patchItems : dest?.arrayValue ?? []
        let element = schema?.item
        let merged = keys.isEmpty
            ? try mergeScalars(dest: destItems, patch: patchItems)
            : try mergeKeyed(dest: destItems, patch: patchItems, keys: keys, schema: element)
        return .array(merged)
    }

    /// A patch applied onto nothing: only its directives take effect.
    private static func clean(_ value: JSONValue, schema: MergeSchema?) throws(OverlayError) -> JSONValue? {
        try merge(dest: nil, patch: value, schema: schema)
    }

    private static func mergeScalars(dest: [JSONValue], patch: [JSONValue]) throws(OverlayError) -> [JSONValue] {
        var seen: Set<String> = []
        var result: [JSONValue] = []
        for item in patch + dest where seen.insert(item.scalarText).inserted {
            result.append(item)
        }
        return result
    }

    private static func mergeKeyed(dest: [JSONValue], patch: [JSONValue], keys: [String], schema: MergeSchema?) throws(OverlayError) -> [JSONValue] {
        var valuesList: [[String]] = []
        for item in patch + dest {
            let values = keys.map { item[$0].map(\.scalarText) ?? "" }
            if values.allSatisfy(\.isEmpty) || valuesList.contains(values) { continue }
            valuesList.append(values)
        }
        if keys.count > 1 { valuesList = KeyValues.mergeMatching(valuesList) }
        var destItems = dest
        var added: [JSONValue] = []
        for values in valuesList {
            let (validKeys, validValues) = KeyValues.validate(valuesList, values, keys)
            let destIndex = KeyValues.firstIndex(in: destItems, keys: validKeys, values: validValues)
            let patchIndex = KeyValues.firstIndex(in: patch, keys: validKeys, values: validValues)
            let merged = try merge(
                dest: destIndex.map { destItems[$0] }, patch: patchIndex.map { patch[$0] }, schema: schema)
            guard var merged, merged != .object([:]) else {
                if let destIndex { destItems.remove(at: destIndex) }
                continue
            }
            for (key, value) in zip(validKeys, validValues) where merged[key] == nil && !value.isEmpty {
                merged[key] = .string(value)
            }
            if let destIndex { destItems[destIndex] = merged }
            if let existing = KeyValues.firstIndex(in: added, keys: validKeys, values: validValues) {
                added[existing] = merged
            } else {
                added.append(merged)
            }
        }
        // Items without any key value keep their place after the keyed ones.
        for item in destItems where keys.allSatisfy({ item[$0] == nil }) { added.append(item) }
        return added
    }
}

/// A `$patch` directive.
private enum Directive {
    case merge, replace, delete

    init(_ text: String) throws(OverlayError) {
        switch text {
        case "merge": self = .merge
        case "replace": self = .replace
        case "delete": self = .delete
        default: throw OverlayError("unknown patch strategy '\(text)'")
        }
    }

    static func split(_ members: [String: JSONValue]) throws(OverlayError) -> (Directive, [String: JSONValue]) {
        guard let value = members["$patch"] else { return (.merge, members) }
        var rest = members
        rest["$patch"] = nil
        return (try Directive(value.scalarText), rest)
    }

    static func split(list items: [JSONValue]) throws(OverlayError) -> (Directive, [JSONValue]) {
        guard let index = items.firstIndex(where: { $0["$patch"] != nil && $0.objectValue?.count == 1 }) else {
            return (.merge, items)
        }
        var rest = items
        let directive = try Directive(items[index]["$patch"]!.scalarText)
        rest.remove(at: index)
        return (directive, rest)
    }
}

/// kyaml's bookkeeping for lists keyed by several fields (`containerPort` + `protocol`).
private enum KeyValues {
    static func firstIndex(in items: [JSONValue], keys: [String], values: [String]) -> Int? {
        items.firstIndex { item in
            zip(keys, values).allSatisfy { key, value in (item[key].map(\.scalarText) ?? "") == value }
        }
    }

    /// Keys that some item gives a value for, with this item's values for them.
    static func validate(_ valuesList: [[String]], _ values: [String], _ keys: [String]) -> ([String], [String]) {
        var present: Set<String> = []
        for entry in valuesList {
            for (index, value) in entry.enumerated() where !value.isEmpty { present.insert(keys[index]) }
        }
        if present.isEmpty { return (keys, values) }
        let validKeys = keys.filter(present.contains)
        let validValues = values.enumerated().filter { !$0.element.isEmpty || present.contains(keys[$0.offset]) }.map(\.element)
        return (validKeys, validValues)
    }

    /// Entries that agree wherever both have a value are unified (`80,""` with `80,TCP`).
    static func mergeMatching(_ list: [[String]]) -> [[String]] {
        var list = list
        for first in list.indices {
            for second in list.indices {
                if let unified = unify(list[first], list[second]) {
                    list[first] = unified
                    list[second] = unified
                }
            }
        }
        return list
    }

    private static func unify(_ lhs: [String], _ rhs: [String]) -> [String]? {
        guard lhs.count == rhs.count else { return nil }
        var common = false
        var result: [String] = []
        for (left, right) in zip(lhs, rhs) {
            if left == right {
                common = true
                result.append(left)
            } else if !left.isEmpty && !right.isEmpty {
                return nil
            } else {
                result.append(left.isEmpty ? right : left)
            }
        }
        return common ? result : nil
    }
}
