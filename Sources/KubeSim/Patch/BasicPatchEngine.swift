import CapstanCore

/// A small stand-in for the Patching module: full JSON and merge patch, simplified strategic merge
/// (lists keyed by the common merge keys) and simplified server-side apply (lists are atomic).
public struct BasicPatchEngine: PatchEngine {
    public init() {}

    public func mergePatch(_ patch: JSONValue, to target: JSONValue) throws(APIStatus) -> JSONValue {
        Self.merge(patch, into: target)
    }

    static func merge(_ patch: JSONValue, into target: JSONValue) -> JSONValue {
        guard case .object(let changes) = patch else { return patch }
        var members = target.objectValue ?? [:]
        for (key, change) in changes {
            if change == .null { members[key] = nil } else { members[key] = merge(change, into: members[key] ?? .null) }
        }
        return .object(members)
    }

    public func strategicMergePatch(_ patch: JSONValue, to target: JSONValue, type: ResourceType) throws(APIStatus) -> JSONValue {
        StrategicMerge.apply(patch, to: target)
    }

    public func jsonPatch(_ patch: JSONValue, to target: JSONValue) throws(APIStatus) -> JSONValue {
        guard case .array(let operations) = patch else {
            throw APIStatus.badRequest("json: cannot unmarshal object into Go value of type jsonpatch.Patch")
        }
        var document = target
        for operation in operations { try JSONPatchOperation(operation).apply(to: &document) }
        return document
    }

    public func apply(_ config: JSONValue, to live: JSONValue?, type: ResourceType, context: FieldManagerContext,
                      force: Bool) throws(APIStatus) -> JSONValue {
        try SimpleApply(context: context).apply(config, to: live, force: force)
    }

    public func recordUpdate(from old: JSONValue?, to new: JSONValue, type: ResourceType,
                             context: FieldManagerContext) -> JSONValue {
        SimpleApply(context: context).recordUpdate(from: old, to: new)
    }
}
