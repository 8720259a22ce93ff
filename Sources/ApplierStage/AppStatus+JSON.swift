import CapstanCore
import Foundation

extension AppStatus {
    /// The STATUS entry; `status.<app>` events carry the same fields plus `stage`. Absent values are omitted.
    public var json: JSONValue {
        var object: [String: JSONValue] = [
            "app": .string(app), "phase": .string(phase.rawValue), "suspended": .bool(suspended),
            "driftCorrections": .int(Int64(driftCorrections)),
            "actions": [
                "created": .int(Int64(actions.created)), "configured": .int(Int64(actions.configured)),
                "unchanged": .int(Int64(actions.unchanged)), "pruned": .int(Int64(actions.pruned)),
            ],
        ]
        object["revision"] = revision.map(JSONValue.string)
        object["bundle"] = bundle.map(JSONValue.string)
        object["objects"] = objects.map { .int(Int64($0)) }
        object["error"] = error.map(JSONValue.string)
        object["updatedAt"] = updatedAt.map { .string($0.formatted(.iso8601)) }
        object["durationMs"] = durationMs.map { .int(Int64($0)) }
        if !drifted.isEmpty { object["drifted"] = .array(drifted.map(JSONValue.string)) }
        if !rejected.isEmpty {
            object["rejected"] = .array(rejected.map { ["object": .string($0.object), "message": .string($0.message)] })
        }
        return .object(object)
    }
}
