import CapstanCore

/// Removes the members of a field set from an object (structured-merge-diff `RemoveItems`): a
/// member path goes with everything below it; maps and lists emptied by a removal go too.
enum FieldRemoval {
    /// `value` without the paths in `set`, or nil when the value itself goes.
    static func removing(_ set: FieldSet, from value: JSONValue, schema: SchemaNode) -> JSONValue? {
        if set.isMember { return nil }
        if set.children.isEmpty { return value }
        switch value {
        case .object(var members):
            if schema.isAtomic { return value }
            let before = members.count
            for (element, childSet) in set.children where element.hasPrefix("f:") {
                let name = String(element.dropFirst(2))
                guard let child = members[name] else { continue }
                members[name] = removing(childSet, from: child, schema: schema.field(name))
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
                if let remaining = removing(childSet, from: item, schema: itemSchema) { kept.append(remaining) }
            }
            return kept.isEmpty && !items.isEmpty ? nil : .array(kept)
        default:
            return value
        }
    }
}
