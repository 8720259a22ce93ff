import CapstanCore

extension ObjectSchema {
    /// The schema of a custom resource from its CRD version's `schema.openAPIV3Schema`, honouring
    /// `x-kubernetes-list-type` (`atomic`, `set`, `map` with `x-kubernetes-list-map-keys` and key
    /// defaults) and `x-kubernetes-map-type`. Unmarked lists stay atomic; strategic merge patch keeps
    /// JSON merge patch semantics for them, as the API server does not serve it for custom resources.
    public init(openAPIV3Schema: JSONValue) {
        var root = OpenAPISchemaReader.node(openAPIV3Schema)
        var fields = root.fields
        fields["metadata"] = BuiltinSchemas.objectMeta
        root = SchemaNode(fields: fields, element: root.element, isAtomic: root.isAtomic, isMap: root.isMap)
        self.init(root: root, isBuiltin: false)
    }
}

/// Turns OpenAPI v3 structural schemas into schema nodes.
enum OpenAPISchemaReader {
    static func node(_ schema: JSONValue) -> SchemaNode {
        guard case .object(let members) = schema else { return .deduced }
        if members["x-kubernetes-preserve-unknown-fields"] == .bool(true), members["properties"] == nil {
            return .deduced
        }
        switch members["type"]?.stringValue {
        case "array": return list(members)
        case "object": return object(members)
        default:
            if members["properties"] != nil || members["additionalProperties"] != nil { return object(members) }
            return .deduced
        }
    }

    private static func object(_ members: [String: JSONValue]) -> SchemaNode {
        let atomic = members["x-kubernetes-map-type"]?.stringValue == "atomic"
        var fields: [String: SchemaNode] = [:]
        for (name, property) in members["properties"]?.objectValue ?? [:] {
            fields[name] = node(property)
        }
        if let additional = members["additionalProperties"], case .object = additional {
            return SchemaNode(fields: fields, element: node(additional), isAtomic: atomic, isMap: fields.isEmpty)
        }
        return SchemaNode(fields: fields, isAtomic: atomic)
    }

    private static func list(_ members: [String: JSONValue]) -> SchemaNode {
        let items = members["items"] ?? .object([:])
        let element = node(items)
        switch members["x-kubernetes-list-type"]?.stringValue {
        case "set":
            return SchemaNode(element: element, listType: .set)
        case "map":
            let keys = members["x-kubernetes-list-map-keys"]?.arrayValue?.compactMap(\.stringValue) ?? []
            guard !keys.isEmpty else { return SchemaNode(element: element, listType: .atomic) }
            var defaults: [String: JSONValue] = [:]
            for key in keys {
                if let value = items["properties"]?[key]?["default"] { defaults[key] = value }
            }
            return SchemaNode(element: element, listType: .map(keys: keys), keyDefaults: defaults)
        default:
            return SchemaNode(element: element, listType: .atomic)
        }
    }
}
