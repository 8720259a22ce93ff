import CapstanCore

/// Who writes, for managedFields bookkeeping: the manager, the version the fields are expressed in,
/// the subresource written and the time stamped on the entry.
public struct FieldManagerContext: Sendable {
    public var manager: String
    public var apiVersion: String
    public var subresource: String?
    public var time: String

    public init(manager: String, apiVersion: String, subresource: String? = nil, time: String) {
        self.manager = manager
        self.apiVersion = apiVersion
        self.subresource = subresource
        self.time = time
    }
}

/// The seam to the patch engines: the emulator's write path calls these and nothing else of patch semantics.
///
/// Errors are thrown as `APIStatus`, so each engine decides the code and message kubectl will print.
public protocol PatchEngine: Sendable {
    /// RFC 6902 JSON patch (`application/json-patch+json`).
    func jsonPatch(_ patch: JSONValue, to target: JSONValue) throws(APIStatus) -> JSONValue
    /// RFC 7386 merge patch (`application/merge-patch+json`).
    func mergePatch(_ patch: JSONValue, to target: JSONValue) throws(APIStatus) -> JSONValue
    /// Strategic merge patch with the built-in kinds' merge keys and patch directives.
    func strategicMergePatch(_ patch: JSONValue, to target: JSONValue, type: ResourceType) throws(APIStatus) -> JSONValue
    /// Server-side apply of `config` onto `live` (nil when the object does not exist yet): the merged object,
    /// carrying updated `metadata.managedFields`, or a 409 with `FieldManagerConflict` causes.
    func apply(_ config: JSONValue, to live: JSONValue?, type: ResourceType, context: FieldManagerContext, force: Bool)
        throws(APIStatus) -> JSONValue
    /// managedFields bookkeeping for a non-apply write from `old` (nil on create) to `new`: returns `new`
    /// with `metadata.managedFields` recording what the manager changed.
    func recordUpdate(from old: JSONValue?, to new: JSONValue, type: ResourceType, context: FieldManagerContext)
        -> JSONValue
}
