import CapstanCore
import Patching

/// The Patching module's engines behind the emulator's `PatchEngine` seam: the adapter is the only
/// file of KubeSim that knows Patching's names.
public struct PatchingEngine: PatchEngine {
    public init() {}

    public func jsonPatch(_ patch: JSONValue, to target: JSONValue) throws(APIStatus) -> JSONValue {
        do throws(PatchError) {
            return try JSONPatch.apply(patch, to: target)
        } catch {
            throw Self.status(error)
        }
    }

    public func mergePatch(_ patch: JSONValue, to target: JSONValue) throws(APIStatus) -> JSONValue {
        MergePatch.apply(patch, to: target)
    }

    public func strategicMergePatch(_ patch: JSONValue, to target: JSONValue, type: ResourceType) throws(APIStatus) -> JSONValue {
        do throws(PatchError) {
            return try StrategicMergePatch.apply(patch, to: target, schema: Self.schema(type))
        } catch {
            throw Self.status(error)
        }
    }

    public func apply(_ config: JSONValue, to live: JSONValue?, type: ResourceType, context: FieldManagerContext,
                      force: Bool) throws(APIStatus) -> JSONValue {
        let options = ApplyOptions(manager: context.manager, force: force, time: context.time,
                                   subresource: context.subresource, schema: Self.schema(type))
        do throws(ServerSideApplyError) {
            return try ServerSideApply.apply(config, to: live, options: options).object
        } catch {
            switch error {
            case .conflicts(let conflicts):
                let causes: [JSONValue] = conflicts.map {
                    ["reason": "FieldManagerConflict", "message": .string($0.causeMessage), "field": .string($0.path)]
                }
                return try Self.rethrow(APIStatus(code: 409, reason: "Conflict", message: error.description,
                                                  details: ["causes": .array(causes)]))
            case .invalid:
                let name = config.value(at: ["metadata", "name"])?.stringValue ?? ""
                return try Self.rethrow(APIStatus.badRequest(
                    "failed to create typed patch object (\(context.apiVersion), Kind=\(type.kind)) \(name): \(error.description)"))
            }
        }
    }

    public func recordUpdate(from old: JSONValue?, to new: JSONValue, type: ResourceType,
                             context: FieldManagerContext) -> JSONValue {
        ServerSideApply.update(from: old, to: new, options: UpdateOptions(
            manager: context.manager, time: context.time, subresource: context.subresource, schema: Self.schema(type)))
    }

    private static func schema(_ type: ResourceType) -> ObjectSchema {
        ObjectSchema.forKind(apiVersion: type.groupVersion, kind: type.kind)
    }

    private static func rethrow(_ status: APIStatus) throws(APIStatus) -> JSONValue { throw status }

    private static func status(_ error: PatchError) -> APIStatus {
        if error.isMalformed { return APIStatus.badRequest(error.description) }
        return APIStatus(code: 422, reason: "Invalid",
                         message: "the server rejected our request due to an error in our request: \(error.description)")
    }
}
