import CapstanCore

/// One kind the emulator serves at one group-version: what discovery, routing and storage need.
public struct ResourceType: Sendable, Hashable {
    public var group: String
    public var version: String
    public var kind: String
    public var plural: String
    public var singular: String
    public var namespaced: Bool
    public var shortNames: [String]
    public var categories: [String]
    public var hasStatus: Bool
    public var hasScale: Bool
    /// Whether `metadata.generation` is kept (workloads, custom resources).
    public var usesGeneration: Bool
    /// The verbs discovery lists; create-only reviews are answered, never stored.
    public var verbs: [String]
    /// The `openAPIV3Schema` of a custom resource version, for list types and map keys in patches.
    public var schema: JSONValue?
    /// A custom resource version's `additionalPrinterColumns` (an empty array when it has none); nil for built-ins.
    public var printerColumns: JSONValue?

    public init(
        group: String, version: String, kind: String, plural: String, namespaced: Bool = true,
        shortNames: [String] = [], categories: [String] = [], hasStatus: Bool = false, hasScale: Bool = false,
        usesGeneration: Bool = false, verbs: [String] = ["create", "delete", "deletecollection", "get", "list", "patch", "update", "watch"]
    ) {
        self.group = group
        self.version = version
        self.kind = kind
        self.plural = plural
        self.singular = kind.lowercased()
        self.namespaced = namespaced
        self.shortNames = shortNames
        self.categories = categories
        self.hasStatus = hasStatus
        self.hasScale = hasScale
        self.usesGeneration = usesGeneration
        self.verbs = verbs
    }

    /// A create-only review (`kubectl auth can-i`): answered from the request, never stored.
    public var isReview: Bool { verbs == ["create"] }

    /// `apps/v1`, or `v1` for the core group.
    public var groupVersion: String { group.isEmpty ? version : "\(group)/\(version)" }
    /// `deployments.apps`, or `configmaps` for the core group: how messages name the resource.
    public var groupResource: String { group.isEmpty ? plural : "\(plural).\(group)" }
    /// Storage shares objects across the versions of one group and resource.
    public var storageKey: String { "\(group)/\(plural)" }
    /// `Deployment.apps`: how validation messages name the kind.
    public var groupKind: String { group.isEmpty ? kind : "\(kind).\(group)" }
    /// URL prefix of the group-version: `/api/v1` or `/apis/apps/v1`.
    public var groupVersionPath: String { group.isEmpty ? "/api/\(version)" : "/apis/\(group)/\(version)" }
}
