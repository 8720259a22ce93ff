import CapstanCore
import Foundation

/// An app's last good render, kept on disk so a restarted renderer serves it again without
/// rendering: which revision and artifact it came from, which bundle it made, and under which
/// app settings (the fingerprint), so a changed config is rendered anew.
struct RenderRecord: Sendable, Equatable, Codable {
    var app: String
    var source: String
    var revision: String
    var artifact: Digest
    var bundle: Digest
    var objects: Int
    var durationMs: Int
    var renderedAt: Date
    var fingerprint: String

    /// What marks this render as done: the artifact it read and the settings it used.
    var attempt: RenderAttempt { RenderAttempt(artifact: artifact, fingerprint: fingerprint) }

    /// The `bundle.<app>` event; `digest` names the bundle, so subscribers de-duplicate by it.
    var event: JSONValue {
        [
            "app": .string(app), "source": .string(source), "revision": .string(revision),
            "artifact": .string(artifact.description), "bundle": .string(bundle.description),
            "digest": .string(bundle.description), "objects": .int(Int64(objects)),
            "renderSeconds": .double(Double(durationMs) / 1000), "durationMs": .int(Int64(durationMs)),
            "renderedAt": .string(renderedAt.rfc3339),
        ]
    }
}
