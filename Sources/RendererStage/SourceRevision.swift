import CapstanCore
import Messaging

/// One `revision.<source>` event as the renderer needs it: which source, which revision, which artifact.
struct SourceRevision: Sendable, Hashable {
    var source: String
    /// `main@sha1:<hash>`.
    var revision: String
    var artifact: Digest

    /// Reads a fetcher's event; nil for anything that is not a well-formed revision event.
    init?(_ event: Event) {
        guard event.topic.hasPrefix("revision."), let digest = event.digest,
              let revision = event.fields["revision"]?.stringValue else { return nil }
        source = event.fields["source"]?.stringValue ?? String(event.topic.dropFirst("revision.".count))
        self.revision = revision
        artifact = digest
    }

    init(source: String, revision: String, artifact: Digest) {
        self.source = source
        self.revision = revision
        self.artifact = artifact
    }
}
