import CapstanCore
import Foundation

/// STATUS entries shaped like the contract in COMMON.md ("Stage request/status contracts").
enum Contract {
    static let commitA = String(repeating: "a", count: 40)
    static let commitB = String(repeating: "b", count: 40)
    static func revision(_ commit: String) -> String { "main@sha1:\(commit)" }

    static func time(_ secondsAgo: Double) -> JSONValue {
        .string(Date().addingTimeInterval(-secondsAgo).formatted(.iso8601))
    }

    static func rendererApp(_ app: String, source: String, commit: String, phase: String, error: String? = nil, bundle: String? = nil) -> JSONValue {
        var entry: [String: JSONValue] = [
            "app": .string(app), "source": .string(source), "revision": .string(revision(commit)), "phase": .string(phase),
            "artifact": .string("sha256:" + String(repeating: "c", count: 64)), "objects": 3, "renderedAt": time(30), "durationMs": 12,
        ]
        entry["error"] = error.map(JSONValue.string)
        entry["bundle"] = .string(bundle ?? "sha256:" + String(repeating: "d", count: 64))
        return .object(entry)
    }

    static func applierApp(_ app: String, commit: String, phase: String, objects: Int = 3, drift: Int = 0, error: String? = nil, secondsAgo: Double = 180) -> JSONValue {
        var entry: [String: JSONValue] = [
            "app": .string(app), "phase": .string(phase), "revision": .string(revision(commit)),
            "bundle": .string("sha256:" + String(repeating: "d", count: 64)), "objects": .int(Int64(objects)),
            "actions": ["created": 1, "configured": 0, "unchanged": 2, "pruned": 0],
            "driftCorrections": .int(Int64(drift)), "updatedAt": time(secondsAgo), "suspended": .bool(phase == "Suspended"),
        ]
        entry["error"] = error.map(JSONValue.string)
        return .object(entry)
    }

    static func renderer(shard: String, _ apps: [JSONValue]) -> JSONValue {
        ["stage": "renderer", "shard": .string(shard), "apps": .array(apps)]
    }

    static func applier(_ apps: [JSONValue]) -> JSONValue {
        ["stage": "applier", "shard": "0/1", "apps": .array(apps)]
    }

    static func fetcherSource(_ name: String, commit: String, lastFetch: Date, error: String? = nil) -> JSONValue {
        [
            "name": .string(name), "ready": true, "failures": 0, "revision": .string(revision(commit)),
            "digest": .string("sha256:" + String(repeating: "e", count: 64)),
            "lastFetch": .double(lastFetch.timeIntervalSince1970), "nextFetch": .double(lastFetch.timeIntervalSince1970 + 3600),
            "lastError": error.map(JSONValue.string) ?? .null,
        ]
    }
}
