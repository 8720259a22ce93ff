import CapstanCore

/// Mappings for the kinds a bundle's own CRDs define, known before the API server serves them.
public enum BundleMappings {
    /// One mapping per served version of every CustomResourceDefinition in `objects`.
    public static func mappings(definedBy objects: [JSONValue]) -> [KindMapping] {
        objects.filter(ApplyPlan.isCRD).flatMap(mappings(of:))
    }

    static func mappings(of crd: JSONValue) -> [KindMapping] {
        guard let group = crd.value(at: ["spec", "group"])?.stringValue,
            let kind = crd.value(at: ["spec", "names", "kind"])?.stringValue,
            let plural = crd.value(at: ["spec", "names", "plural"])?.stringValue
        else { return [] }
        let namespaced = crd.value(at: ["spec", "scope"])?.stringValue != "Cluster"
        let versions = crd.value(at: ["spec", "versions"])?.arrayValue ?? []
        return versions.compactMap { $0["name"]?.stringValue }.map {
            KindMapping(group: group, version: $0, kind: kind, resource: plural, namespaced: namespaced)
        }
    }
}
