import CapstanCore

/// Server-side apply and field ownership as kube-apiserver does them (structured-merge-diff):
/// `apply` merges an applied configuration into the live object, prunes fields the manager stopped
/// applying, detects conflicts and rewrites `metadata.managedFields`; `update` records the owner of
/// every other write (create, update, patch).
///
/// Both are pure: the caller supplies the time, runs defaulting afterwards, and persists only when
/// `changed` is true (a no-op apply returns the live object untouched).
public enum ServerSideApply {
    /// What an apply produced.
    public struct Result: Sendable, Equatable {
        /// The merged object with its new `metadata.managedFields`.
        public let object: JSONValue
        /// Whether the object or its managedFields differ from the live object.
        public let changed: Bool
    }

    /// Applies `config` for `options.manager` to `live` (nil: the object does not exist yet).
    ///
    /// Throws `.conflicts` when the configuration changes fields other managers own and `force` is
    /// off (manager `kubectl` may take fields its last client-side apply set), `.invalid` when a
    /// list-map item has no key.
    public static func apply(_ config: JSONValue, to live: JSONValue?, options: ApplyOptions)
        throws(ServerSideApplyError) -> Result
    {
        let schema = options.schema.root
        let ignored = options.ignoredFieldSet
        var config = config
        config.removeManagedFields()
        config = FieldRemoval.removingSubtrees(ignored, from: config)
        var liveContent = live ?? .object([:])
        liveContent.removeManagedFields()

        let liveEntries = ManagedFieldsEntry.decode(live?.managedFields)
        var entries = liveEntries
        if let live, entries.isEmpty {
            entries = beforeFirstApply(liveContent, apiVersion: live["apiVersion"]?.stringValue ?? "", options)
        }
        let appliedSet: FieldSet
        do {
            appliedSet = try AppliedFields.of(config, schema: schema)
                .subtracting(StrippedFields.set).subtractingRecursively(ignored)
        } catch {
            throw .invalid(path: error.path, reason: error.reason)
        }

        let identity = ManagedFieldsEntry(
            manager: options.manager, operation: .apply, apiVersion: "", time: nil,
            subresource: options.subresource, fields: FieldSet()
        ).identity
        let previous = entries.firstIndex { $0.identity == identity }.map { entries.remove(at: $0) }

        var merged = ApplyMerge.merge(live: liveContent, config: config, schema: schema) ?? .object([:])
        if let lastSet = previous?.fields {
            let owned = entries.reduce(appliedSet) { $0.union($1.fields) }
            merged = FieldRemoval.removing(lastSet.subtracting(owned), from: merged, schema: schema) ?? .object([:])
        }
        let contentChanged = merged != liveContent
        let comparison = contentChanged ? Comparison.compare(liveContent, merged, schema: schema) : Comparison()
        let changedFields = comparison.changed.subtractingRecursively(ignored)
        let removedFields = comparison.removed.subtractingRecursively(ignored)

        let conflicts = entries.map { $0.fields.intersection(changedFields) }
        if !options.force, conflicts.contains(where: { !$0.isEmpty }) {
            let allowed = options.manager == "kubectl" ? LastApplied.allowedConflicts(liveContent, schema: schema) : nil
            let remaining = conflicts.map { allowed.map($0.subtracting) ?? $0 }
            if remaining.contains(where: { !$0.isEmpty }) {
                throw .conflicts(describe(remaining, entries: entries))
            }
        }
        for index in entries.indices {
            entries[index].fields = entries[index].fields.subtracting(conflicts[index]).subtracting(removedFields)
        }

        entries.append(
            ManagedFieldsEntry(
                manager: options.manager, operation: .apply,
                apiVersion: config["apiVersion"]?.stringValue ?? previous?.apiVersion ?? "",
                time: contentChanged || previous == nil || previous?.time == nil ? options.time : previous?.time,
                subresource: options.subresource, fields: appliedSet))
        return finish(merged, entries: entries, live: live, liveEntries: liveEntries, contentChanged: contentChanged)
    }

    /// Records a non-apply write (create, update, patch) by `options.manager`: the manager now owns
    /// every field whose value the write set or changed, and nobody keeps a removed field.
    ///
    /// `managedFields` in `new` that differ from `old` replace the recorded ones (kubectl's upgrade
    /// from client-side apply does this); `[{}]` clears them.
    public static func update(from old: JSONValue?, to new: JSONValue, options: UpdateOptions) -> JSONValue {
        let schema = options.schema.root
        let sentFields = new.managedFields
        if case .array(let items)? = sentFields, items == [.object([:])] {
            var cleared = new
            cleared.removeManagedFields()
            return cleared
        }
        var entries = ManagedFieldsEntry.decode(sentFields)
        if entries.isEmpty { entries = ManagedFieldsEntry.decode(old?.managedFields) }
        var oldContent = old ?? .object([:])
        oldContent.removeManagedFields()
        var newContent = new
        newContent.removeManagedFields()

        let comparison = Comparison.compare(oldContent, newContent, schema: schema)
        let ignored = options.ignoredFieldSet
        let changedFields = comparison.changed.subtractingRecursively(ignored).subtracting(StrippedFields.set)
        let removedFields = comparison.removed.subtractingRecursively(ignored)
        let apiVersion = new["apiVersion"]?.stringValue ?? ""
        let mine = ManagedFieldsEntry(
            manager: options.manager, operation: .update, apiVersion: apiVersion, time: options.time,
            subresource: options.subresource, fields: changedFields)
        var previous: ManagedFieldsEntry?
        if let index = entries.firstIndex(where: { $0.identity == mine.identity }) {
            previous = entries.remove(at: index)
        }
        for index in entries.indices {
            entries[index].fields = entries[index].fields.subtracting(changedFields).subtracting(removedFields)
        }
        if var previous {
            previous.fields = previous.fields.subtracting(removedFields).union(changedFields)
            if !changedFields.isEmpty { previous.time = options.time }
            entries.append(previous)
        } else {
            entries.append(mine)
        }
        return finish(newContent, entries: entries, live: nil, liveEntries: [], contentChanged: true).object
    }

    /// Puts the encoded entries on `object`; returns `live` itself when nothing changed.
    private static func finish(
        _ object: JSONValue, entries: [ManagedFieldsEntry], live: JSONValue?, liveEntries: [ManagedFieldsEntry],
        contentChanged: Bool
    ) -> Result {
        var entries = entries
        for index in entries.indices {
            entries[index].fields = entries[index].fields.subtracting(StrippedFields.set)
        }
        entries = ManagedFieldsEntry.capUpdates(entries).filter { !$0.fields.isEmpty }.sorted(by: ManagedFieldsEntry.serverOrder)
        if let live, !contentChanged,
            entries == liveEntries.filter({ !$0.fields.isEmpty }).sorted(by: ManagedFieldsEntry.serverOrder)
        {
            return Result(object: live, changed: false)
        }
        var result = object
        result.setManagedFields(ManagedFieldsEntry.encode(entries))
        return Result(object: result, changed: true)
    }

    /// An Update entry `before-first-apply` owning everything an object without managedFields has.
    private static func beforeFirstApply(_ content: JSONValue, apiVersion: String, _ options: ApplyOptions)
        -> [ManagedFieldsEntry]
    {
        let fields = Comparison.compare(.object([:]), content, schema: options.schema.root).added
            .subtracting(StrippedFields.set).subtractingRecursively(options.ignoredFieldSet)
        guard !fields.isEmpty else { return [] }
        return [
            ManagedFieldsEntry(
                manager: "before-first-apply", operation: .update, apiVersion: apiVersion, time: options.time,
                subresource: nil, fields: fields)
        ]
    }

    private static func describe(_ conflicts: [FieldSet], entries: [ManagedFieldsEntry]) -> [FieldConflict] {
        var result: [FieldConflict] = []
        for (entry, set) in zip(entries, conflicts) where !set.isEmpty {
            for path in set.paths {
                result.append(FieldConflict(manager: entry.conflictName, path: FieldSet.describe(path)))
            }
        }
        return result
    }
}
