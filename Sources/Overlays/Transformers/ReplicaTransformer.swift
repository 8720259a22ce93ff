import CapstanCore

/// Sets the replica count of named workloads (`replicas`).
struct ReplicaTransformer {
    var replica: ReplicaSpec
    var fieldSpecs: FieldSpecSet

    func transform(_ resources: inout ResourceList) throws(OverlayError) {
        var found = false
        for spec in fieldSpecs.specs {
            let matches = resources.indices(matchingAnyID: { $0.name == replica.name && $0.gvk.isSelected(by: spec.gvk) })
            if !matches.isEmpty { found = true }
            for index in matches {
                let count = replica.count
                try FieldWalker.visit(spec, in: &resources[index].object, creating: .int(0)) { (node: inout JSONValue) throws(OverlayError) in
                    node = .int(count)
                }
            }
        }
        if !found {
            let kinds = fieldSpecs.specs.map(\.gvk.description).joined(separator: " ")
            throw OverlayError("resource with name \(replica.name) does not match a config with the following GVK [\(kinds)]")
        }
    }
}
