import CapstanCore
import Foundation

/// What the API server fills in and protects on every write: uid, timestamps, generation, reset fields, defaults.
enum ObjectRules {
    /// System metadata and defaults for a new object.
    static func prepareCreate(_ object: JSONValue, type: ResourceType, now: String) -> JSONValue {
        var object = object
        var metadata = object["metadata"]?.objectValue ?? [:]
        metadata["uid"] = .string(UUID().uuidString.lowercased())
        metadata["creationTimestamp"] = .string(now)
        metadata["resourceVersion"] = nil
        metadata["deletionTimestamp"] = nil
        metadata["generation"] = nil
        if type.usesGeneration { metadata["generation"] = .int(1) }
        if metadata["generateName"] != nil, metadata["name"] == nil || metadata["name"] == "" {
            metadata["name"] = .string(metadata["generateName"]!.stringValue! + randomSuffix())
        }
        object["metadata"] = .object(metadata)
        if type.hasStatus, type.plural != "namespaces" { object["status"] = nil }
        return Defaults.apply(to: object, type: type)
    }

    /// Keeps what a write may not change, bumps generation on spec changes and re-applies defaults.
    static func prepareUpdate(_ new: JSONValue, old: JSONValue, type: ResourceType, subresource: String?) -> JSONValue {
        var object = new
        if subresource == "status" {
            object = old
            object["status"] = new["status"]
            object.setValue(new.value(at: ["metadata", "annotations"]) ?? .null, at: ["metadata", "annotations"])
            object.setValue(new.value(at: ["metadata", "managedFields"]) ?? .null, at: ["metadata", "managedFields"])
            removeNulls(&object)
        } else if type.hasStatus {
            object["status"] = old["status"]
        }
        for key in ["uid", "creationTimestamp", "generation", "deletionTimestamp", "deletionGracePeriodSeconds", "namespace", "name"] {
            object.setValue(old.value(at: ["metadata", key]) ?? .null, at: ["metadata", key])
        }
        removeNulls(&object)
        object = Defaults.apply(to: object, type: type)
        if type.usesGeneration, specChanged(object, old, type: type) {
            let generation = old.value(at: ["metadata", "generation"])?.intValue ?? 0
            object.setValue(.int(generation + 1), at: ["metadata", "generation"])
        }
        return object
    }

    /// Whether anything outside metadata and status changed (for Deployments, annotations count too).
    static func specChanged(_ new: JSONValue, _ old: JSONValue, type: ResourceType) -> Bool {
        func spec(_ object: JSONValue) -> JSONValue {
            var members = object.objectValue ?? [:]
            members["metadata"] = nil
            members["status"] = nil
            if type.kind == "Deployment" { members["metadata"] = object.value(at: ["metadata", "annotations"]) }
            return .object(members)
        }
        return spec(new) != spec(old)
    }

    /// Whether two versions of an object differ in more than resourceVersion and managedFields timestamps.
    static func sameContent(_ lhs: JSONValue, _ rhs: JSONValue) -> Bool {
        normalizedForComparison(lhs) == normalizedForComparison(rhs)
    }

    private static func normalizedForComparison(_ object: JSONValue) -> JSONValue {
        var object = object
        object.setValue(.null, at: ["metadata", "resourceVersion"])
        if case .array(let entries)? = object.value(at: ["metadata", "managedFields"]) {
            object.setValue(.array(entries.map { entry in
                var entry = entry
                entry["time"] = nil
                return entry
            }), at: ["metadata", "managedFields"])
        }
        return object
    }

    /// Drops `null` members of objects (not of arrays), as decoding into typed structs does.
    static func removeNulls(_ value: inout JSONValue) {
        // Most objects have no nulls: look first, rebuild only the branches that need it.
        guard containsNull(value) else { return }
        switch value {
        case .object(var members):
            for (key, member) in members {
                if member == .null {
                    members[key] = nil
                } else if containsNull(member) {
                    var child = member
                    removeNulls(&child)
                    members[key] = child
                }
            }
            value = .object(members)
        case .array(let elements):
            value = .array(elements.map { element in
                var element = element
                removeNulls(&element)
                return element
            })
        default: break
        }
    }

    private static func containsNull(_ value: JSONValue) -> Bool {
        switch value {
        case .object(let members): members.values.contains { $0 == .null || containsNull($0) }
        case .array(let elements): elements.contains(where: containsNull)
        default: false
        }
    }

    private static func randomSuffix() -> String {
        let alphabet = Array("bcdfghjklmnpqrstvwxz2456789")
        return String((0..<5).map { _ in alphabet.randomElement()! })
    }
}
