import CapstanCore

/// Adds a name prefix or suffix (namePrefix, nameSuffix), remembering the old id so references
/// to the renamed object can be updated afterwards.
struct NameAffixTransformer {
    enum Position { case prefix, suffix }

    var affix: String
    var position: Position
    var fieldSpecs: FieldSpecSet

    /// Kinds whose names are never prefixed or suffixed.
    static let skipped = [GVK(kind: "CustomResourceDefinition"), GVK(group: "apiregistration.k8s.io", kind: "APIService"), GVK(kind: "Namespace")]

    func transform(_ resources: inout ResourceList) throws(OverlayError) {
        guard !affix.isEmpty else { return }
        for index in resources.resources.indices {
            var resource = resources[index]
            let original = resource.originalID.gvk
            if Self.skipped.contains(where: { original.isSelected(by: $0) }) { continue }
            for spec in fieldSpecs.specs where original.isSelected(by: spec.gvk) {
                if spec.path == "metadata/name" {
                    if position == .prefix { resource.prefixes.append(affix) } else { resource.suffixes.append(affix) }
                    resource.storePreviousID()
                }
                let affix = affix
                let rename: (String) -> String = position == .prefix ? { affix + $0 } : { $0 + affix }
                try FieldWalker.visit(spec, in: &resource.object, creating: .string(""), MetadataSetter.setScalar(rename))
            }
            resources[index] = resource
        }
    }
}
