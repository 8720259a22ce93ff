import CapstanCore

/// One entry of `metadata.managedFields`: which manager owns which fields, and through which
/// operation (Apply for server-side apply, Update for every other write).
public struct ManagedFieldsEntry: Sendable, Equatable {
    /// The kind of write that gave the manager its fields.
    public enum Operation: String, Sendable {
        case apply = "Apply"
        case update = "Update"
    }

    public var manager: String
    public var operation: Operation
    public var apiVersion: String
    /// RFC 3339 time of the manager's last change; supplied by the caller for determinism.
    public var time: String?
    /// `status` for writes through the status subresource, nil for the main resource.
    public var subresource: String?
    /// The owned fields.
    public var fields: FieldSet

    public init(
        manager: String, operation: Operation, apiVersion: String, time: String?, subresource: String? = nil,
        fields: FieldSet
    ) {
        self.manager = manager
        self.operation = operation
        self.apiVersion = apiVersion
        self.time = time
        self.subresource = subresource
        self.fields = fields
    }

    /// What makes two entries the same manager: Apply entries ignore the apiVersion.
    struct Identity: Hashable {
        let manager: String
        let operation: Operation
        let apiVersion: String
        let subresource: String
    }

    var identity: Identity {
        Identity(
            manager: manager, operation: operation, apiVersion: operation == .apply ? "" : apiVersion,
            subresource: subresource ?? "")
    }

    /// The manager as conflict messages name it: `"m"`, `"m" with subresource "status"`, and
    /// ` using apps/v1` for Update entries.
    var conflictName: String {
        var name = "\"\(manager)\""
        if let subresource, !subresource.isEmpty { name += " with subresource \"\(subresource)\"" }
        if operation == .update { name += " using \(apiVersion)" }
        return name
    }
}

extension ManagedFieldsEntry {
    /// Decodes one entry; nil when it is not a FieldsV1 entry with a manager.
    public init?(json: JSONValue) {
        guard case .object(let members) = json,
            let operation = members["operation"]?.stringValue.flatMap(Operation.init(rawValue:))
        else { return nil }
        self.init(
            manager: members["manager"]?.stringValue ?? "", operation: operation,
            apiVersion: members["apiVersion"]?.stringValue ?? "", time: members["time"]?.stringValue,
            subresource: members["subresource"]?.stringValue,
            fields: FieldSet(fieldsV1: members["fieldsV1"] ?? .object([:])))
    }

    /// The JSON form, as the API server writes it.
    public var json: JSONValue {
        var members: [String: JSONValue] = [
            "manager": .string(manager), "operation": .string(operation.rawValue),
            "apiVersion": .string(apiVersion), "fieldsType": "FieldsV1", "fieldsV1": fields.fieldsV1,
        ]
        if let time { members["time"] = .string(time) }
        if let subresource, !subresource.isEmpty { members["subresource"] = .string(subresource) }
        return .object(members)
    }

    /// Decodes `metadata.managedFields` of an object (entries that are not FieldsV1 are dropped).
    public static func decode(_ value: JSONValue?) -> [ManagedFieldsEntry] {
        guard case .array(let items)? = value else { return [] }
        return items.compactMap(ManagedFieldsEntry.init(json:))
    }

    /// Encodes entries in the API server's order: Apply before Update, then time, manager,
    /// apiVersion, subresource. Entries owning nothing are left out.
    public static func encode(_ entries: [ManagedFieldsEntry]) -> JSONValue {
        .array(entries.filter { !$0.fields.isEmpty }.sorted(by: serverOrder).map(\.json))
    }

    static func serverOrder(_ lhs: ManagedFieldsEntry, _ rhs: ManagedFieldsEntry) -> Bool {
        if lhs.operation != rhs.operation { return lhs.operation == .apply }
        if (lhs.time ?? "") != (rhs.time ?? "") { return (lhs.time ?? "") < (rhs.time ?? "") }
        if lhs.manager != rhs.manager { return lhs.manager < rhs.manager }
        if lhs.apiVersion != rhs.apiVersion { return lhs.apiVersion < rhs.apiVersion }
        return (lhs.subresource ?? "") < (rhs.subresource ?? "")
    }
}
