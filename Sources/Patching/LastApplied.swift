import CapstanCore

/// The client-side to server-side apply upgrade for manager `kubectl` (`lastappliedmanager.go`):
/// conflicts on fields the last client-side apply set, with the values still live, are forced.
enum LastApplied {
    static let annotation = "kubectl.kubernetes.io/last-applied-configuration"

    /// Fields of the `last-applied-configuration` annotation (same apiVersion as the live object)
    /// whose values are still live, or nil.
    static func allowedConflicts(_ live: JSONValue, schema: SchemaNode) -> FieldSet? {
        guard let text = live["metadata"]?["annotations"]?[annotation]?.stringValue,
            let lastApplied = try? JSONValue.parse(text),
            lastApplied["apiVersion"] == live["apiVersion"],
            let fields = try? AppliedFields.of(lastApplied, schema: schema)
        else { return nil }
        let comparison = Comparison.compare(lastApplied, live, schema: schema)
        return fields.subtracting(comparison.modified).subtracting(comparison.added).subtracting(comparison.removed)
    }
}
