import CapstanCore

/// How to run one server-side apply.
public struct ApplyOptions: Sendable {
    /// The `fieldManager` of the request.
    public var manager: String
    /// `force=true`: take conflicting fields instead of failing.
    public var force: Bool
    /// RFC 3339 time written on the manager's entry when the object changes.
    public var time: String
    /// `status` for the status subresource, nil for the main resource.
    public var subresource: String?
    /// The kind's schema (`ObjectSchema.forObject`).
    public var schema: ObjectSchema
    /// Reset fields the write cannot change and nobody gains by it, as key paths
    /// (default: `status` for the main resource, `spec` for the status subresource, none for others
    /// such as `scale`).
    public var ignoredFields: [[String]]

    public init(
        manager: String, force: Bool = false, time: String, subresource: String? = nil, schema: ObjectSchema,
        ignoredFields: [[String]]? = nil
    ) {
        self.manager = manager
        self.force = force
        self.time = time
        self.subresource = subresource
        self.schema = schema
        self.ignoredFields = ignoredFields ?? Self.resetFields(subresource: subresource)
    }

    var ignoredFieldSet: FieldSet { FieldSet(keyPaths: ignoredFields) }

    /// The fields a write through `subresource` cannot change.
    public static func resetFields(subresource: String?) -> [[String]] {
        switch subresource {
        case nil: [["status"]]
        case "status": [["spec"]]
        default: []
        }
    }
}

/// How to record one non-apply write (create, update, patch) in managedFields.
public struct UpdateOptions: Sendable {
    /// The writer: the `fieldManager` query parameter, else the User-Agent up to its first `/`.
    public var manager: String
    /// RFC 3339 time written on the manager's entry when it gains fields.
    public var time: String
    /// `status` for the status subresource, nil for the main resource.
    public var subresource: String?
    /// The kind's schema (`ObjectSchema.forObject`).
    public var schema: ObjectSchema
    /// Reset fields the write cannot change (default: `ApplyOptions.resetFields(subresource:)`).
    public var ignoredFields: [[String]]

    public init(
        manager: String, time: String, subresource: String? = nil, schema: ObjectSchema,
        ignoredFields: [[String]]? = nil
    ) {
        self.manager = manager
        self.time = time
        self.subresource = subresource
        self.schema = schema
        self.ignoredFields = ignoredFields ?? ApplyOptions.resetFields(subresource: subresource)
    }

    var ignoredFieldSet: FieldSet { FieldSet(keyPaths: ignoredFields) }
}

extension FieldSet {
    /// The set of field paths given as object keys (`[["metadata", "labels"]]`).
    public init(keyPaths: [[String]]) {
        self.init()
        for path in keyPaths { insert(path.map { "f:" + $0 }) }
    }
}

extension JSONValue {
    /// `metadata.managedFields`, when present.
    var managedFields: JSONValue? { self["metadata"]?["managedFields"] }

    mutating func removeManagedFields() {
        guard case .object(var members) = self, case .object(var metadata)? = members["metadata"],
            metadata["managedFields"] != nil
        else { return }
        metadata.removeValue(forKey: "managedFields")
        members["metadata"] = .object(metadata)
        self = .object(members)
    }

    mutating func setManagedFields(_ value: JSONValue) {
        guard case .object(var members) = self else { return }
        var metadata = members["metadata"]?.objectValue ?? [:]
        if value == .array([]) {
            metadata.removeValue(forKey: "managedFields")
        } else {
            metadata["managedFields"] = value
        }
        members["metadata"] = .object(metadata)
        self = .object(members)
    }
}
