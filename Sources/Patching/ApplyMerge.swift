import CapstanCore

/// Merges an applied configuration into a live object as structured-merge-diff does: structs and
/// granular maps key by key, list-maps and sets item by item (keeping live-only items in place),
/// scalars and atomic values replaced; a `null` in the configuration removes the field.
///
/// Subtrees the configuration does not change are returned as the live values themselves (shared
/// storage), so a no-op apply allocates little and later equality checks stay cheap.
enum ApplyMerge {
    /// What merging did to one value.
    enum Outcome {
        case unchanged
        case replaced(JSONValue)
        case removed
    }

    /// The merged value, or nil when the field must be absent.
    static func merge(live: JSONValue?, config: JSONValue, schema: SchemaNode) -> JSONValue? {
        switch outcome(live: live, config: config, schema: schema) {
        case .unchanged: return live
        case .replaced(let value): return value
        case .removed: return nil
        }
    }

    static func outcome(live: JSONValue?, config: JSONValue, schema: SchemaNode) -> Outcome {
        switch config {
        case .null:
            return live == nil ? .unchanged : .removed
        case .object(let members):
            guard !schema.isAtomic, case .object(let liveMembers)? = live else {
                if schema.isAtomic { return live == config ? .unchanged : .replaced(config) }
                return .replaced(fresh(config, schema: schema))
            }
            var result: [String: JSONValue]?
            for (key, value) in members {
                switch outcome(live: liveMembers[key], config: value, schema: schema.field(key)) {
                case .unchanged: continue
                case .replaced(let merged):
                    if result == nil { result = liveMembers }
                    result![key] = merged
                case .removed:
                    if result == nil { result = liveMembers }
                    result!.removeValue(forKey: key)
                }
            }
            return result.map { .replaced(.object($0)) } ?? .unchanged
        case .array(let items):
            guard schema.effectiveListType != .atomic, case .array(let liveItems)? = live,
                let merged = mergeList(live: liveItems, config: items, schema: schema)
            else {
                if live == config { return .unchanged }
                return .replaced(fresh(config, schema: schema))
            }
            return merged
        default:
            return live == config ? .unchanged : .replaced(config)
        }
    }

    /// A configuration value placed where nothing was: nulls inside it are dropped.
    static func fresh(_ config: JSONValue, schema: SchemaNode) -> JSONValue {
        switch config {
        case .object(let members) where !schema.isAtomic:
            var result: [String: JSONValue] = [:]
            result.reserveCapacity(members.count)
            for (key, value) in members where value != .null {
                result[key] = fresh(value, schema: schema.field(key))
            }
            return .object(result)
        case .array(let items):
            let itemSchema = schema.item
            return .array(items.map { fresh($0, schema: itemSchema) })
        default:
            return config
        }
    }

    private struct KeyedItems {
        var elements: [String] = []
        var index: [String: Int] = [:]

        init?(_ items: [JSONValue], schema: SchemaNode) {
            elements.reserveCapacity(items.count)
            index.reserveCapacity(items.count)
            for (position, item) in items.enumerated() {
                guard let element = PathElement.item(item, of: schema) else { return nil }
                elements.append(element)
                if index[element] == nil { index[element] = position }
            }
        }
    }

    /// Item order: live items not in the configuration keep their place, configuration items come in
    /// configuration order (structured-merge-diff `visitListItems`). Nil when an item has no key.
    private static func mergeList(live: [JSONValue], config: [JSONValue], schema: SchemaNode) -> Outcome? {
        if let aligned = mergeAligned(live: live, config: config, schema: schema) { return aligned }
        guard let lhs = KeyedItems(live, schema: schema), let rhs = KeyedItems(config, schema: schema) else {
            return nil
        }
        let itemSchema = schema.item
        var shared = rhs.elements.filter { lhs.index[$0] != nil }[...]
        var nextShared = shared.popFirst()
        var merged = Set<String>()
        var out: [JSONValue] = []
        out.reserveCapacity(max(live.count, config.count))
        var unchanged = true
        func take(_ element: String) {
            merged.insert(element)
            let livePosition = lhs.index[element]
            let liveItem = livePosition.map { live[$0] }
            switch outcome(live: liveItem, config: config[rhs.index[element]!], schema: itemSchema) {
            case .unchanged:
                if let liveItem {
                    if livePosition != out.count { unchanged = false }
                    out.append(liveItem)
                }
            case .replaced(let item):
                unchanged = false
                out.append(item)
            case .removed:
                unchanged = false
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
                    if left != out.count { unchanged = false }
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
        return unchanged && out.count == live.count ? .unchanged : .replaced(.array(out))
    }

    /// The common case without building keys: the configuration names the live items, in the same
    /// order. Nil when the lists are not aligned that way.
    private static func mergeAligned(live: [JSONValue], config: [JSONValue], schema: SchemaNode) -> Outcome? {
        guard live.count == config.count, case .map(let keys) = schema.effectiveListType else { return nil }
        for (liveItem, configItem) in zip(live, config) {
            guard case .object(let lhs) = liveItem, case .object(let rhs) = configItem else { return nil }
            for key in keys {
                guard let value = rhs[key] ?? schema.keyDefaults[key], value == (lhs[key] ?? schema.keyDefaults[key])
                else { return nil }
            }
        }
        let itemSchema = schema.item
        var out: [JSONValue]?
        for index in config.indices {
            switch outcome(live: live[index], config: config[index], schema: itemSchema) {
            case .unchanged: continue
            case .replaced(let item):
                if out == nil { out = live }
                out![index] = item
            case .removed:
                return nil
            }
        }
        return out.map { .replaced(.array($0)) } ?? .unchanged
    }
}
