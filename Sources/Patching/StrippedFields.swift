/// Fields no manager ever owns (`stripmeta.go`): type and identity metadata the server maintains.
enum StrippedFields {
    static let set: FieldSet = {
        var set = FieldSet()
        set.insert(["f:apiVersion"])
        set.insert(["f:kind"])
        set.insert(["f:metadata"])
        for name in [
            "name", "namespace", "creationTimestamp", "selfLink", "uid", "clusterName", "generation",
            "managedFields", "resourceVersion",
        ] {
            set.insert(["f:metadata", "f:" + name])
        }
        return set
    }()
}
