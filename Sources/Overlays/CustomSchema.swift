import CapstanCore
import Patching

/// An OpenAPI document a kustomization names under `openapi: {path: …}`: it tells strategic
/// merge which lists of custom resources merge by key, as kustomize's custom schemas do.
struct CustomSchema: Sendable {
    let definitions: [String: JSONValue]

    init(document: JSONValue, file: String) throws(OverlayError) {
        guard let definitions = document["definitions"]?.objectValue else {
            throw OverlayError("\(file): an OpenAPI document needs a 'definitions' map")
        }
        self.definitions = definitions
    }

    /// The schema of objects of `gvk`, found by `x-kubernetes-group-version-kind`.
    func root(for gvk: GVK) -> MergeSchema? {
        for name in definitions.keys.sorted() {
            let definition = definitions[name]!
            let kinds = definition["x-kubernetes-group-version-kind"]?.arrayValue ?? []
            if kinds.contains(where: {
                $0["group"]?.stringValue ?? "" == gvk.group && $0["version"]?.stringValue == gvk.version
                    && $0["kind"]?.stringValue == gvk.kind
            }) {
                return schema(of: definition)
            }
        }
        return nil
    }

    /// The schema a node stands for, following `$ref: #/definitions/NAME`. kustomize adds the
    /// custom definitions to its built-in Kubernetes ones, so a reference this document does not
    /// define (`io.k8s.api.core.v1.PodSpec`) falls back to the built-in table.
    func schema(of node: JSONValue) -> MergeSchema {
        var current = node
        var hops = 0
        while let reference = current["$ref"]?.stringValue, hops < 32 {
            let name = String(reference.split(separator: "/").last ?? "")
            if let target = definitions[name] {
                current = target
                hops += 1
            } else if let builtin = Self.builtinDefinition(name) {
                return .builtin(SchemaNodeBox(builtin))
            } else {
                break
            }
        }
        return .custom(self, current)
    }

    /// Built-in schema nodes by their OpenAPI definition name, for references into Kubernetes types.
    private static func builtinDefinition(_ name: String) -> SchemaNode? {
        guard let deployment = ObjectSchema.builtin(apiVersion: "apps/v1", kind: "Deployment")?.root else { return nil }
        let template = deployment.schema(ofField: "spec").schema(ofField: "template")
        let podSpec = template.schema(ofField: "spec")
        switch name {
        case "io.k8s.api.core.v1.PodTemplateSpec": return template
        case "io.k8s.api.core.v1.PodSpec": return podSpec
        case "io.k8s.api.core.v1.Container": return podSpec.schema(ofField: "containers").itemSchema
        case "io.k8s.api.core.v1.Volume": return podSpec.schema(ofField: "volumes").itemSchema
        case "io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta": return deployment.schema(ofField: "metadata")
        default: return nil
        }
    }
}

/// The schema strategic merge walks: the built-in kinds' table, or a custom OpenAPI document.
enum MergeSchema: Sendable {
    case builtin(SchemaNodeBox)
    case custom(CustomSchema, JSONValue)

    /// Keys list items merge by (empty for merged scalar lists); nil when a list is replaced whole.
    var strategicMergeKeys: [String]? {
        switch self {
        case .builtin(let box): return box.node.strategicMergeKeys
        case .custom(_, let node):
            guard let strategy = node["x-kubernetes-patch-strategy"]?.stringValue,
                strategy.split(separator: ",").contains("merge")
            else { return nil }
            if let keys = node["x-kubernetes-list-map-keys"]?.arrayValue?.compactMap(\.stringValue), !keys.isEmpty {
                return keys
            }
            return node["x-kubernetes-patch-merge-key"]?.stringValue.map { [$0] } ?? []
        }
    }

    func field(_ name: String) -> MergeSchema? {
        switch self {
        case .builtin(let box): return .builtin(SchemaNodeBox(box.node.schema(ofField: name)))
        case .custom(let schema, let node):
            guard let child = node.value(at: ["properties", name]) ?? node["additionalProperties"] else { return nil }
            return schema.schema(of: child)
        }
    }

    var item: MergeSchema? {
        switch self {
        case .builtin(let box): return .builtin(SchemaNodeBox(box.node.itemSchema))
        case .custom(let schema, let node):
            guard let items = node["items"] else { return nil }
            return schema.schema(of: items)
        }
    }
}

/// Carries a built-in schema node through `MergeSchema` (the node type is a final class).
struct SchemaNodeBox: @unchecked Sendable {
    // Safe: SchemaNode is an immutable final class declared Sendable by its module.
    let node: SchemaNode
    init(_ node: SchemaNode) { self.node = node }
}
