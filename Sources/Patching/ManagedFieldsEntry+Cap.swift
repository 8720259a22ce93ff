extension ManagedFieldsEntry {
    /// The API server keeps at most this many Update entries.
    static let maxUpdateEntries = 10

    /// Merges the oldest Update entries into one `ancient-changes` entry beyond the cap.
    static func capUpdates(_ entries: [ManagedFieldsEntry]) -> [ManagedFieldsEntry] {
        let updates = entries.filter { $0.operation == .update && !$0.fields.isEmpty }
        guard updates.count > maxUpdateEntries else { return entries }
        let oldest = updates.sorted { ($0.time ?? "") < ($1.time ?? "") }.prefix(updates.count - maxUpdateEntries + 1)
        let dropped = Set(oldest.map(\.identity))
        var ancient = ManagedFieldsEntry(
            manager: "ancient-changes", operation: .update, apiVersion: oldest.first!.apiVersion,
            time: oldest.last!.time, fields: FieldSet())
        for entry in oldest { ancient.fields.formUnion(entry.fields) }
        return entries.filter { !dropped.contains($0.identity) } + [ancient]
    }
}
