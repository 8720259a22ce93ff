import CapstanCore

/// The client-side to server-side apply upgrade for manager `kubectl` (`lastappliedmanager.go`):
/// conflicts on fields the last client-side apply set, with the values still live, are forced.
enum LastApplied {
    static let annotation = "kubectl.kubernetes.io/last-applied-configuration"

    /// Fields of the `last-applied-configuration` annotation whose values are still live, or nil.
    static func allowedConflicts(_ live: JSONValue, schema: SchemaNode) -> FieldSet? {
        guard let text = live["metadata"]?["annotations"]?[annotation]?.stringValue,
            let lastApplied = try? JSONValue.parse(text),
            let fields = try? AppliedFields.of(lastApplied, schema: schema)
        else { return nil }
        return fields.subtracting(Comparison.compare(lastApplied, live, schema: schema).modified)
    }
}
