import CapstanCore
import Foundation

/// One app as `capstan status` shows it: the applier's and the renderer's view merged.
public struct AppRow: Sendable, Equatable {
    public var app: String
    public var source: String?
    public var revision: String?
    /// The applier's phase, `Failed` when the newest render failed, the renderer's phase when the
    /// applier has not seen the app, `Unknown` when no stage reports it.
    public var phase: String
    public var objects: Int?
    public var driftCorrections: Int?
    public var error: String?
    public var updatedAt: Date?
    /// The stages' own entries, kept whole for `-o json`.
    public var renderer: JSONValue?
    public var applier: JSONValue?

    public init(app: String, source: String? = nil, revision: String? = nil, phase: String = "Unknown", objects: Int? = nil,
                driftCorrections: Int? = nil, error: String? = nil, updatedAt: Date? = nil, renderer: JSONValue? = nil, applier: JSONValue? = nil) {
        self.app = app
        self.source = source
        self.revision = revision
        self.phase = phase
        self.objects = objects
        self.driftCorrections = driftCorrections
        self.error = error
        self.updatedAt = updatedAt
        self.renderer = renderer
        self.applier = applier
    }

    /// The merged entry of `-o json`.
    public var json: JSONValue {
        var object: [String: JSONValue] = ["app": .string(app), "phase": .string(phase)]
        object["source"] = source.map(JSONValue.string)
        object["revision"] = revision.map(JSONValue.string)
        object["objects"] = objects.map { .int(Int64($0)) }
        object["driftCorrections"] = driftCorrections.map { .int(Int64($0)) }
        object["error"] = error.map(JSONValue.string)
        object["updatedAt"] = updatedAt.map { .string(TimeValue.text($0)) }
        object["renderer"] = renderer
        object["applier"] = applier
        return .object(object)
    }
}
