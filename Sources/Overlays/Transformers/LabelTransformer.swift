import CapstanCore

/// Adds labels or annotations at every field the given specs name (commonLabels, labels,
/// commonAnnotations), keys in sorted order as kustomize applies them.
struct MetadataMapTransformer {
    var entries: [String: String]
    var fieldSpecs: FieldSpecSet

    func transform(_ resources: inout ResourceList) throws(OverlayError) {
        guard !entries.isEmpty else { return }
        let keys = entries.keys.sorted(by: JSONValue.utf8Less)
        for index in resources.resources.indices {
            var object = resources[index].object
            for key in keys {
                for spec in fieldSpecs.specs {
                    try FieldWalker.visit(spec, in: &object, creating: .object([:]), MetadataSetter.setEntry(key, entries[key]!))
                }
            }
            resources[index].object = object
        }
    }
}
