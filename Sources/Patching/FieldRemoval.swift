import CapstanCore

/// Removes the members of a field set from an object (structured-merge-diff prune): a member path
/// goes with everything below it, but only where the object itself would list that path as a
/// member (scalars, atomic values, empty maps, list items, entries of non-struct maps). A struct
/// or granular map that merely carries a `.` in the set stays. Maps and lists emptied by a removal
/// go too, as they would after a round trip through the Go types.
enum FieldRemoval {
    /// `value` without the paths in `set`, or nil when the value itself goes.
    static func removing(_ set: FieldSet, from value: JSONValue, schema: SchemaNode, isEntry: Bool = false)
        -> JSONValue?
    {
        if set.isMember, isEntry || isLeaf(value, schema: schema) { return nil }
        if set.children.isEmpty { return value }
        switch value {
        case .object(var members):
            if schema.isAtomic { return value }
            let before = members.count
            for (element, childSet) in set.children where element.hasPrefix("f:") {
                let name = String(element.dropFirst(2))
                guard let child = members[name] else { continue }
                members[name] = removing(childSet, from: child, schema: schema.field(name), isEntry: schema.isMap)
            }
            return members.isEmpty && before > 0 ? nil : .object(members)
        case .array(let items):
            if schema.effectiveListType == .atomic { return value }
            let itemSchema = schema.item
            var kept: [JSONValue] = []
            kept.reserveCapacity(items.count)
            for item in items {
                guard let element = PathElement.item(item, of: schema), let childSet = set.children[element] else {
                    kept.append(item)
                    continue
                }
                if let remaining = removing(childSet, from: item, schema: itemSchema, isEntry: true) {
                    kept.append(remaining)
                }
            }
            return kept.isEmpty && !items.isEmpty ? nil : .array(kept)
        default:
            return value
        }
    }

    /// Whether the value at a path is itself a member of its object's field set.
    private static func isLeaf(_ value: JSONValue, schema: SchemaNode) -> Bool {
        switch value {
        case .object(let members): schema.isAtomic || members.isEmpty
        case .array: schema.effectiveListType == .atomic
        default: true
        }
    }
}

extension FieldRemoval {
    /// `value` without the subtrees at the field paths of `set` (reset fields), whatever they hold.
    static func removingSubtrees(_ set: FieldSet, from value: JSONValue) -> JSONValue {
        guard !set.children.isEmpty, case .object(var members) = value else { return value }
        for (element, childSet) in set.children where element.hasPrefix("f:") {
            let name = String(element.dropFirst(2))
            guard let child = members[name] else { continue }
            members[name] = childSet.isMember ? nil : removingSubtrees(childSet, from: child)
        }
        return .object(members)
    }
}
