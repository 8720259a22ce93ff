import CapstanCore

/// Server-side apply with leaf-path field sets and atomic lists: ownership, conflicts, force and pruning.
struct SimpleApply {
    typealias Path = [String]
    let context: FieldManagerContext

    struct Entry {
        var manager: String
        var operation: String
        var apiVersion: String
        var subresource: String?
        var time: String?
        var fields: Set<Path>
    }

    func apply(_ config: JSONValue, to live: JSONValue?, force: Bool) throws(APIStatus) -> JSONValue {
        var entries = Self.entries(live)
        if let live, entries.isEmpty {
            entries.append(Entry(manager: "before-first-apply", operation: "Update", apiVersion: context.apiVersion,
                                 time: context.time, fields: Self.leaves(live)))
        }
        let applied = Self.leaves(config)
        var merged = Self.merge(Self.withoutNulls(config), into: live ?? .object([:]))
        let changed = Set(applied.filter { merged.value(at: $0) != live?.value(at: $0) })
        let mine = entries.firstIndex { isMine($0) }
        var conflicts: [(Entry, Path)] = []
        for index in entries.indices where index != mine {
            let overlap = entries[index].fields.filter { owned in changed.contains { Self.overlaps(owned, $0) } }
            if overlap.isEmpty { continue }
            if force {
                entries[index].fields.subtract(overlap)
            } else {
                conflicts += overlap.sorted { $0.joined(separator: ".") < $1.joined(separator: ".") }.map { (entries[index], $0) }
            }
        }
        if !conflicts.isEmpty { throw Self.conflictStatus(conflicts) }
        let previous = mine.map { entries[$0].fields } ?? []
        let othersOwn = entries.indices.filter { $0 != mine }.reduce(into: Set<Path>()) { $0.formUnion(entries[$1].fields) }
        for path in previous.subtracting(applied) where !othersOwn.contains(where: { Self.overlaps($0, path) }) {
            Self.remove(path, from: &merged)
        }
        let entry = Entry(manager: context.manager, operation: "Apply", apiVersion: context.apiVersion,
                          subresource: context.subresource, time: context.time, fields: applied)
        if let mine { entries[mine] = entry } else { entries.append(entry) }
        return Self.store(entries, in: merged)
    }

    func recordUpdate(from old: JSONValue?, to new: JSONValue) -> JSONValue {
        let submitted = new.value(at: ["metadata", "managedFields"])
        if case .array(let items)? = submitted, items.count == 1, items[0] == .object([:]) {
            var cleared = new
            cleared.setValue(.null, at: ["metadata", "managedFields"])
            ObjectRules.removeNulls(&cleared)
            return cleared
        }
        let explicit = submitted != nil && submitted != old?.value(at: ["metadata", "managedFields"])
        var entries = Self.entries(explicit ? new : old)
        let newLeaves = Self.leaves(new)
        let changed = old.map { old in
            Set(newLeaves.filter { new.value(at: $0) != old.value(at: $0) })
                .union(Self.leaves(old).filter { new.value(at: $0) == nil })
        } ?? newLeaves
        if changed.isEmpty, old != nil { return Self.store(entries, in: new) }
        for index in entries.indices {
            entries[index].fields = entries[index].fields.filter { owned in !changed.contains { Self.overlaps(owned, $0) } }
        }
        let added = changed.filter { new.value(at: $0) != nil }
        if let index = entries.firstIndex(where: { $0.manager == context.manager && $0.operation == "Update"
            && $0.apiVersion == context.apiVersion && $0.subresource == context.subresource }) {
            entries[index].fields.formUnion(added)
            entries[index].time = context.time
        } else {
            entries.append(Entry(manager: context.manager, operation: "Update", apiVersion: context.apiVersion,
                                 subresource: context.subresource, time: context.time, fields: added))
        }
        return Self.store(entries, in: new)
    }

    private func isMine(_ entry: Entry) -> Bool {
        entry.manager == context.manager && entry.operation == "Apply" && entry.subresource == context.subresource
    }

    static func overlaps(_ lhs: Path, _ rhs: Path) -> Bool {
        lhs.count <= rhs.count ? Array(rhs.prefix(lhs.count)) == lhs : Array(lhs.prefix(rhs.count)) == rhs
    }

    static let ignoredMetadata: Set<String> = ["name", "namespace", "uid", "creationTimestamp", "generation",
                                               "resourceVersion", "managedFields", "selfLink", "deletionTimestamp",
                                               "deletionGracePeriodSeconds", "generateName"]

    /// The leaf paths of an object: scalars, lists and empty maps; without apiVersion, kind and system metadata.
    static func leaves(_ object: JSONValue) -> Set<Path> {
        var result = Set<Path>()
        func walk(_ value: JSONValue, _ path: Path) {
            if case .object(let members) = value, !members.isEmpty {
                for (key, member) in members {
                    if path.isEmpty, key == "apiVersion" || key == "kind" { continue }
                    if path == ["metadata"], ignoredMetadata.contains(key) { continue }
                    walk(member, path + [key])
                }
            } else if !path.isEmpty {
                result.insert(path)
            }
        }
        walk(object, [])
        return result
    }

    /// Objects merge key by key; lists of objects with a known merge key keep the live items' other fields
    /// (their defaults); every other value is replaced.
    static func merge(_ config: JSONValue, into live: JSONValue, key: String? = nil) -> JSONValue {
        switch (config, live) {
        case (.object(let applied), .object(var members)):
            for (name, value) in applied { members[name] = merge(value, into: members[name] ?? .null, key: name) }
            return .object(members)
        case (.array(let items), .array(let liveItems)):
            guard let key, let mergeKey = StrategicMerge.mergeKeys[key] else { return config }
            return .array(items.map { item in
                guard let identity = item[mergeKey], let match = liveItems.first(where: { $0[mergeKey] == identity }) else { return item }
                return merge(item, into: match)
            })
        default:
            return config
        }
    }

    static func withoutNulls(_ value: JSONValue) -> JSONValue {
        var value = value
        ObjectRules.removeNulls(&value)
        return value
    }

    static func remove(_ path: Path, from object: inout JSONValue) {
        guard let key = path.first, case .object(var members) = object else { return }
        if path.count == 1 {
            members[key] = nil
        } else if var child = members[key] {
            remove(Array(path.dropFirst()), from: &child)
            members[key] = child.objectValue?.isEmpty == true ? nil : child
        }
        object = .object(members)
    }
}
