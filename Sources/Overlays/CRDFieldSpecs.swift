import CapstanCore

/// Field specs read from the OpenAPI definitions a kustomization lists under `crds`: properties
/// marked `x-kubernetes-annotation`, `-label-selector`, `-identity` or `-object-ref-*` join the
/// annotation, label, prefix and name-reference specs for that kind.
enum CRDFieldSpecs {
    static func load(_ paths: [String], loader: DirectoryLoader) throws(OverlayError) -> TransformerConfig {
        var config = TransformerConfig()
        for path in paths {
            let documents = try DirectoryLoader.documents(from: loader.load(path), file: path)
            guard case .object(let definitions)? = documents.first else {
                throw OverlayError("unable to parse open API definition from '\(path)'")
            }
            for name in definitions.keys.sorted() {
                guard let properties = definitions[name]?.value(at: ["Schema", "properties"])?.objectValue,
                    properties["kind"] != nil, properties["apiVersion"] != nil, properties["metadata"] != nil
                else { continue }
                let kind = String(name.split(separator: ".").last ?? "")
                try collect(into: &config, gvk: GVK(kind: kind), definitions: definitions, typeName: name, path: [])
            }
        }
        return config
    }

    private static func collect(
        into config: inout TransformerConfig, gvk: GVK, definitions: [String: JSONValue], typeName: String, path: [String]
    ) throws(OverlayError) {
        guard let properties = definitions[typeName]?.value(at: ["Schema", "properties"])?.objectValue else { return }
        for name in properties.keys.sorted() {
            let property = properties[name]!
            let fieldPath = (path + [name]).joined(separator: "/")
            if property["x-kubernetes-annotation"] != nil {
                try config.commonAnnotations.merge(FieldSpec(gvk: gvk, path: fieldPath))
            }
            if property["x-kubernetes-label-selector"] != nil {
                try config.commonLabels.merge(FieldSpec(gvk: gvk, path: fieldPath))
            }
            if property["x-kubernetes-identity"] != nil {
                try config.namePrefix.merge(FieldSpec(gvk: gvk, path: fieldPath))
            }
            if let version = property["x-kubernetes-object-ref-api-version"]?.stringValue,
                let kind = property["x-kubernetes-object-ref-kind"]?.stringValue
            {
                let key = property["x-kubernetes-object-ref-name-key"]?.stringValue ?? "name"
                var other = TransformerConfig()
                other.nameReference = [
                    NameBackReference(
                        gvk: GVK(version: version, kind: kind),
                        referrers: FieldSpecSet(specs: [FieldSpec(gvk: gvk, path: fieldPath + "/" + key)]))
                ]
                try config.merge(other)
            }
            if let reference = property["$ref"]?.stringValue {
                try collect(into: &config, gvk: gvk, definitions: definitions, typeName: reference, path: path + [name])
            }
        }
    }
}
