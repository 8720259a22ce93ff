import CapstanCore
import Foundation

/// One app as STATUS and `status.<app>` report it: its phase, the revision last attempted and the
/// bundle that is current (the last good one, also while a newer revision fails).
struct AppStatus: Sendable, Equatable {
    enum Phase: String, Sendable {
        case pending = "Pending", rendering = "Rendering", ready = "Ready", failed = "Failed"
    }

    var app: String
    var source: String
    var phase = Phase.pending
    var revision: String?
    var artifact: Digest?
    var bundle: Digest?
    var objects: Int?
    var error: String?
    var renderedAt: Date?
    var durationMs: Int?

    init(app: String, source: String) {
        self.app = app
        self.source = source
    }

    /// The last good render, as it stood when the ledger recorded it.
    init(record: RenderRecord) {
        self.init(app: record.app, source: record.source)
        phase = .ready
        revision = record.revision
        artifact = record.artifact
        bundle = record.bundle
        objects = record.objects
        renderedAt = record.renderedAt
        durationMs = record.durationMs
    }

    /// The contract's shape (COMMON.md): absent values are left out, times are RFC 3339 UTC.
    var json: JSONValue {
        var object: [String: JSONValue] = ["app": .string(app), "source": .string(source), "phase": .string(phase.rawValue)]
        object["revision"] = revision.map(JSONValue.string)
        object["artifact"] = artifact.map { .string($0.description) }
        object["bundle"] = bundle.map { .string($0.description) }
        object["objects"] = objects.map { .int(Int64($0)) }
        object["error"] = error.map(JSONValue.string)
        object["renderedAt"] = renderedAt.map { .string($0.rfc3339) }
        object["durationMs"] = durationMs.map { .int(Int64($0)) }
        return .object(object)
    }
}
