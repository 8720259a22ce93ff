import CapstanCore

/// Merges an applied configuration into a live object as structured-merge-diff does: structs and
/// granular maps key by key, list-maps and sets item by item (keeping live-only items in place),
/// scalars and atomic values replaced; a `null` in the configuration removes the field.
enum ApplyMerge {
    /// The merged value, or nil when the field must be absent.
    static func merge(live: JSONValue?, config: JSONValue, schema: SchemaNode) -> JSONValue? {
        switch config {
        case .null:
            return nil
        case .object(let members):
            if schema.isAtomic { return config }
            var result: [String: JSONValue]
            if case .object(let liveMembers)? = live { result = liveMembers } else { result = [:] }
            for (key, value) in members {
                if let merged = merge(live: result[key], config: value, schema: schema.field(key)) {
                    result[key] = merged
                } else {
                    result.removeValue(forKey: key)
                }
            }
            return .object(result)
        case .array(let items):
            guard schema.effectiveListType != .atomic, case .array(let liveItems)? = live else {
                return .array(items.map { merge(live: nil, config: $0, schema: schema.item) ?? .null })
            }
            return mergeList(live: liveItems, config: items, schema: schema).map(JSONValue.array) ?? config
        default:
            return config
        }
    }

    private struct KeyedItems {
        var elements: [String] = []
        var index: [String: Int] = [:]

        init?(_ items: [JSONValue], schema: SchemaNode) {
            elements.reserveCapacity(items.count)
            for (position, item) in items.enumerated() {
                guard let element = PathElement.item(item, of: schema) else { return nil }
                elements.append(element)
                if index[element] == nil { index[element] = position }
            }
        }
    }

    /// Item order: live items not in the configuration keep their place, configuration items come in
    /// configuration order (structured-merge-diff `visitListItems`). Nil when an item has no key.
    private static func mergeList(live: [JSONValue], config: [JSONValue], schema: SchemaNode) -> [JSONValue]? {
        guard let lhs = KeyedItems(live, schema: schema), let rhs = KeyedItems(config, schema: schema) else {
            return nil
        }
        let itemSchema = schema.item
        var shared = rhs.elements.filter { lhs.index[$0] != nil }[...]
        var nextShared = shared.popFirst()
        var merged = Set<String>()
        var out: [JSONValue] = []
        out.reserveCapacity(max(live.count, config.count))
        func take(_ element: String) {
            merged.insert(element)
            let liveItem = lhs.index[element].map { live[$0] }
            if let item = merge(live: liveItem, config: config[rhs.index[element]!], schema: itemSchema) {
                out.append(item)
            }
        }
        var (left, right) = (0, 0)
        while left < lhs.elements.count || right < rhs.elements.count {
            if left < lhs.elements.count, right < rhs.elements.count {
                let element = lhs.elements[left]
                if element == rhs.elements[right] {
                    take(element)
                    left += 1
                    right += 1
                    nextShared = shared.popFirst()
                    continue
                }
                if rhs.index[element] != nil, let next = nextShared, next != element {
                    left += 1
                    continue
                }
            }
            if left < lhs.elements.count {
                let element = lhs.elements[left]
                if rhs.index[element] == nil {
                    out.append(live[left])
                    left += 1
                    continue
                } else if merged.contains(element) {
                    left += 1
                    continue
                }
            }
            if right < rhs.elements.count {
                let element = rhs.elements[right]
                take(element)
                right += 1
                if nextShared == element { nextShared = shared.popFirst() }
            }
        }
        return out
    }
}
