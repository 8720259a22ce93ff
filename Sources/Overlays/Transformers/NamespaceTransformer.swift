import CapstanCore

/// Moves every namespaced object into one namespace (`namespace:`), along with the fields that
/// name a namespace (RoleBinding subjects named `default`, webhook and CRD conversion services).
struct NamespaceTransformer {
    var namespace: String
    var fieldSpecs: FieldSpecSet

    func transform(_ resources: inout ResourceList) throws(OverlayError) {
        guard !namespace.isEmpty else { return }
        for index in resources.resources.indices {
            var resource = resources[index]
            resource.storePreviousID()
            try apply(to: &resource)
            resources[index] = resource
            let id = resource.currentID
            if !resources.isUnique(id) {
                throw OverlayError("namespace transformation produces ID conflict: \(id)")
            }
        }
    }

    private func apply(to resource: inout Resource) throws(OverlayError) {
        let gvk = resource.gvk
        let setter = MetadataSetter.setScalar { [namespace] _ in namespace }
        if !gvk.isClusterScoped {
            try FieldWalker.visit(FieldSpec(path: "metadata/namespace", create: true), in: &resource.object, creating: .string(""), setter)
        }
        var specs = fieldSpecs.specs.filter { spec in
            spec.path != "metadata/namespace" && !(resource.apiVersion != "v1" && spec.path == "metadata/name")
        }
        if gvk.kind == "RoleBinding" || gvk.kind == "ClusterRoleBinding" {
            specs.removeAll { ($0.gvk.kind == "RoleBinding" || $0.gvk.kind == "ClusterRoleBinding") && $0.path == "subjects/namespace" }
            setDefaultSubjects(in: &resource.object)
        }
        for spec in specs {
            try FieldWalker.visit(spec, in: &resource.object, creating: .string(""), setter)
        }
    }

    /// Subjects named `default` follow the namespace (kustomize's defaultOnly mode).
    private func setDefaultSubjects(in object: inout JSONValue) {
        guard case .array(var subjects)? = object["subjects"] else { return }
        for index in subjects.indices where subjects[index]["name"] == .string("default") {
            subjects[index]["namespace"] = .string(namespace)
        }
        object["subjects"] = .array(subjects)
    }
}
