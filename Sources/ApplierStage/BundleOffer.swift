import CapstanCore
import Messaging

/// A `bundle.<app>` event as the applier reads it: which bundle to GET and where it came from.
public struct BundleOffer: Sendable, Equatable {
    public var app: String
    public var revision: String
    public var digest: Digest
    public var artifact: String?
    public var objects: Int?

    public init(app: String, revision: String, digest: Digest, artifact: String? = nil, objects: Int? = nil) {
        self.app = app
        self.revision = revision
        self.digest = digest
        self.artifact = artifact
        self.objects = objects
    }

    /// Reads the event's fields; the bundle digest is `digest` (or `bundle`, as older renderers name it).
    /// Nil for an event that is not a well-formed bundle announcement.
    public init?(event: Event) {
        guard event.topic.hasPrefix("bundle.") else { return nil }
        let app = event.fields["app"]?.stringValue ?? String(event.topic.dropFirst("bundle.".count))
        guard let digest = event.digest ?? event.fields["bundle"]?.stringValue.flatMap(Digest.init) else { return nil }
        self.init(
            app: app, revision: event.fields["revision"]?.stringValue ?? "", digest: digest,
            artifact: event.fields["artifact"]?.stringValue, objects: event.fields["objects"]?.intValue.map(Int.init))
    }
}
