import CapstanCore

/// What `bundle.<app>` announces: which revision an app's bundle came from and how to GET it.
public struct BundleEvent: Sendable, Equatable {
    public var app: String
    /// The source revision, `main@sha1:<hash>`.
    public var revision: String
    /// The digest of the artifact the bundle was rendered from.
    public var artifact: Digest
    public var bundle: Digest
    public var objectCount: Int
    /// Render time in seconds.
    public var renderSeconds: Double

    public init(app: String, revision: String, artifact: Digest, bundle: Digest, objectCount: Int, renderSeconds: Double) {
        self.app = app
        self.revision = revision
        self.artifact = artifact
        self.bundle = bundle
        self.objectCount = objectCount
        self.renderSeconds = renderSeconds
    }

    /// The event's fields for the message header.
    public var fields: JSONValue {
        [
            "app": .string(app), "revision": .string(revision), "artifact": .string(artifact.description),
            "bundle": .string(bundle.description), "objects": .int(Int64(objectCount)),
            "renderSeconds": .double(renderSeconds),
        ]
    }
}
