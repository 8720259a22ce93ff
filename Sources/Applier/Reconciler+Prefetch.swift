import CapstanCore

extension Reconciler {
    /// Objects of one kind in one namespace from which a LIST is cheaper than a GET each.
    static let listThreshold = 16

    /// The phase's live objects, read with one LIST per kind and namespace that has at least
    /// `listThreshold` objects in the phase. A reference missing from the result was not prefetched
    /// (GET it); one mapped to nil does not exist. A failed LIST just leaves its objects to their GETs.
    func prefetch(_ objects: [JSONValue]) async -> [ObjectReference: JSONValue?] {
        await prefetch(references: objects.compactMap(ObjectReference.init(of:)))
    }

    func prefetch(references: [ObjectReference]) async -> [ObjectReference: JSONValue?] {
        let groups = Dictionary(grouping: references) { ObjectReference(apiVersion: $0.apiVersion, kind: $0.kind, namespace: $0.namespace, name: "") }
        let lists = groups.filter { $0.value.count >= Self.listThreshold }
        // The LISTs run at once: parsing one large answer overlaps the server producing the next.
        return await withTaskGroup(of: [ObjectReference: JSONValue?].self) { group in
            for (collection, members) in lists {
                group.addTask { await liveObjects(of: members, in: collection) }
            }
            var live: [ObjectReference: JSONValue?] = [:]
            for await found in group { live.merge(found) { first, _ in first } }
            return live
        }
    }

    /// One LIST of `collection` (a reference without a name), matched to `members` by name; empty on failure.
    func liveObjects(of members: [ObjectReference], in collection: ObjectReference) async -> [ObjectReference: JSONValue?] {
        guard let items = try? await retry.run({ () async throws(ClusterError) in
            try await client.list(
                apiVersion: collection.apiVersion, kind: collection.kind,
                namespace: collection.namespace.isEmpty ? nil : collection.namespace, labelSelector: nil)
        }) else { return [:] }
        var byName: [String: JSONValue] = [:]
        for item in items { if let name = item.value(at: ["metadata", "name"])?.stringValue { byName[name] = item } }
        var live: [ObjectReference: JSONValue?] = [:]
        for member in members { live[member] = .some(byName[member.name]) }
        return live
    }
}
