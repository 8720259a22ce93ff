import CapstanCore

/// Strategic merge patch (`application/strategic-merge-patch+json`) as apimachinery applies it:
/// lists with a `patchMergeKey` merge item by item, scalar lists with `patchStrategy: merge` take
/// the union, other lists are replaced; `null` deletes a field; the directives `$patch`
/// (`replace`, `delete`, `merge`), `$setElementOrder/<list>`, `$retainKeys` and
/// `$deleteFromPrimitiveList/<list>` are honoured. Kinds without a schema (custom resources) merge
/// maps and replace lists, as JSON merge patch does.
public enum StrategicMergePatch {
    static let directive = "$patch"
    static let retainKeys = "$retainKeys"
    static let setElementOrderPrefix = "$setElementOrder/"
    static let deleteFromPrimitiveListPrefix = "$deleteFromPrimitiveList/"

    /// `original` with `patch` applied, using `schema` for merge keys and strategies.
    public static func apply(_ patch: JSONValue, to original: JSONValue, schema: ObjectSchema) throws(PatchError)
        -> JSONValue
    {
        guard case .object(let members) = patch else {
            throw PatchError(path: "", reason: "a strategic merge patch must be a JSON object", isMalformed: true)
        }
        return .object(try mergeMap(original.objectValue ?? [:], members, schema: schema.root, path: ""))
    }

    static func malformed(_ path: String, _ reason: String) -> PatchError {
        PatchError(path: path, reason: reason, isMalformed: true)
    }

    static func mergeMap(
        _ original: [String: JSONValue], _ patch: [String: JSONValue], schema: SchemaNode, path: String
    ) throws(PatchError) -> [String: JSONValue] {
        var patch = patch
        if let marker = patch.removeValue(forKey: directive) {
            switch marker.stringValue {
            case "replace": return try mergeMap([:], patch, schema: schema, path: path)
            case "delete": return [:]
            case "merge": break
            default: throw malformed(path, "unknown $patch directive \(marker.serialized())")
            }
        }
        var original = original
        if let retained = patch.removeValue(forKey: retainKeys) {
            guard case .array(let names) = retained else { throw malformed(path, "$retainKeys must be a list") }
            let keep = Set(names.compactMap(\.stringValue))
            original = original.filter { keep.contains($0.key) }
        }
        for (key, value) in patch where key.hasPrefix(deleteFromPrimitiveListPrefix) {
            patch.removeValue(forKey: key)
            let name = String(key.dropFirst(deleteFromPrimitiveListPrefix.count))
            guard case .array(let doomed) = value else { throw malformed(path, "\(key) must be a list") }
            if case .array(let items)? = original[name] {
                original[name] = .array(items.filter { item in !doomed.contains { JSONEquality.equal($0, item) } })
            }
        }
        try applyElementOrders(&original, &patch, schema: schema, path: path)
        for (key, value) in patch {
            if value == .null {
                original.removeValue(forKey: key)
                continue
            }
            original[key] = try mergeValue(original[key], value, schema: schema.field(key), path: path + "." + key)
        }
        return original
    }

    /// Merges one field's patch value into its original value (nil: the field is new).
    static func mergeValue(_ original: JSONValue?, _ patch: JSONValue, schema: SchemaNode, path: String)
        throws(PatchError) -> JSONValue
    {
        switch (original, patch) {
        case (.object(let lhs)?, .object(let rhs)):
            if schema.replacesOnPatch { return try .object(mergeMap([:], rhs, schema: schema, path: path)) }
            return try .object(mergeMap(lhs, rhs, schema: schema, path: path))
        case (nil, .object(let rhs)):
            return try .object(mergeMap([:], rhs, schema: schema, path: path))
        case (.array(let lhs)?, .array(let rhs)) where schema.mergeKey != nil || schema.mergesScalars:
            return try .array(mergeList(lhs, rhs, schema: schema, path: path))
        case (nil, .array(let rhs)) where schema.mergeKey != nil || schema.mergesScalars:
            return try .array(mergeList([], rhs, schema: schema, path: path))
        default:
            return patch
        }
    }
}
