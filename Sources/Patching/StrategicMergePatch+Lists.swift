import CapstanCore

extension StrategicMergePatch {
    /// Merges a patch list into a merging list: items by merge key (or scalar union), `$patch:
    /// delete` and `$patch: replace` items, then apimachinery's ordering (patch order first, live
    /// order for server-only items).
    static func mergeList(_ original: [JSONValue], _ patch: [JSONValue], schema: SchemaNode, path: String)
        throws(PatchError) -> [JSONValue]
    {
        if original.isEmpty, patch.isEmpty { return original }
        let isMap = (original.first ?? patch.first).map { if case .object = $0 { true } else { false } } ?? false
        guard isMap else {
            var merged: [JSONValue] = []
            for item in original + patch where !merged.contains(where: { JSONEquality.equal($0, item) }) {
                merged.append(item)
            }
            return ordered(merged, patchOrder: patch, serverOrder: original, mergeKey: nil)
        }
        guard let mergeKey = schema.mergeKey else {
            throw malformed(path, "cannot merge a list of objects without a merge key")
        }
        var (base, items) = try applySpecialItems(original, patch, mergeKey: mergeKey, path: path)
        for item in items {
            guard case .object(let fields) = item, let key = fields[mergeKey] else {
                throw malformed(path, "list item has no merge key \"\(mergeKey)\"")
            }
            if let position = base.firstIndex(where: { $0[mergeKey].map { JSONEquality.equal($0, key) } ?? false }) {
                base[position] = try .object(
                    mergeMap(base[position].objectValue ?? [:], fields, schema: schema.item, path: path))
            } else {
                base.append(try .object(mergeMap([:], fields, schema: schema.item, path: path)))
            }
        }
        return ordered(base, patchOrder: items, serverOrder: original, mergeKey: mergeKey)
    }

    /// Removes `$patch: delete` items' matches from `original`; with a `$patch: replace` item the
    /// other patch items become the whole list. Returns the base list and the plain patch items.
    private static func applySpecialItems(_ original: [JSONValue], _ patch: [JSONValue], mergeKey: String, path: String)
        throws(PatchError) -> ([JSONValue], [JSONValue])
    {
        var base = original
        var plain: [JSONValue] = []
        var replace = false
        for item in patch {
            guard let marker = item[directive] else {
                plain.append(item)
                continue
            }
            switch marker.stringValue {
            case "delete":
                guard let key = item[mergeKey] else { throw malformed(path, "$patch: delete item has no \"\(mergeKey)\"") }
                base.removeAll { $0[mergeKey].map { JSONEquality.equal($0, key) } ?? false }
            case "replace": replace = true
            case "merge": throw malformed(path, "merging lists cannot yet be specified in the patch")
            default: throw malformed(path, "unknown $patch directive \(marker.serialized())")
            }
        }
        return replace ? ([], plain) : (base, plain)
    }

    /// Splits `merged` into items named by `patchOrder` and server-only items and interleaves them
    /// (apimachinery `normalizeElementOrder` + `mergeSortedSlice`).
    static func ordered(_ merged: [JSONValue], patchOrder: [JSONValue], serverOrder: [JSONValue], mergeKey: String?)
        -> [JSONValue]
    {
        let index = { (list: [JSONValue], item: JSONValue) -> Int? in
            guard let mergeKey else { return list.firstIndex { JSONEquality.equal($0, item) } }
            guard let key = item[mergeKey] else { return nil }
            return list.firstIndex { $0[mergeKey].map { JSONEquality.equal($0, key) } ?? false }
        }
        var patchItems: [JSONValue] = []
        var serverOnly: [JSONValue] = []
        for item in merged {
            if index(patchOrder, item) != nil { patchItems.append(item) } else { serverOnly.append(item) }
        }
        let toDelete = patchOrder.filter { $0[directive]?.stringValue == "delete" }
        patchItems = sortedStable(patchItems) { index(patchOrder, $0) }
        serverOnly = sortedStable(serverOnly) { index(serverOrder, $0) }
        if !toDelete.isEmpty { patchItems.removeAll { index(toDelete, $0) != nil } }
        var result: [JSONValue] = []
        result.reserveCapacity(merged.count)
        var (left, right) = (0, 0)
        while left < serverOnly.count || right < patchItems.count {
            if left >= serverOnly.count {
                result.append(patchItems[right])
                right += 1
            } else if right >= patchItems.count {
                result.append(serverOnly[left])
                left += 1
            } else if let l = index(serverOrder, serverOnly[left]), let r = index(serverOrder, patchItems[right]), l < r {
                result.append(serverOnly[left])
                left += 1
            } else {
                result.append(patchItems[right])
                right += 1
            }
        }
        return result
    }

    /// Go's `sort.SliceStable` (insertion sort) with apimachinery's comparator: items found in the
    /// order list sort by position; an item that is not found moves ahead.
    private static func sortedStable(_ items: [JSONValue], position: (JSONValue) -> Int?) -> [JSONValue] {
        var items = items
        let positions = items.map(position)
        var order = Array(items.indices)
        func less(_ a: Int, _ b: Int) -> Bool {
            guard let pa = positions[a], let pb = positions[b] else { return true }
            return pa < pb
        }
        for i in order.indices.dropFirst() {
            var j = i
            while j > 0, less(order[j], order[j - 1]) {
                order.swapAt(j, j - 1)
                j -= 1
            }
        }
        items = order.map { items[$0] }
        return items
    }

    /// Handles `$setElementOrder/<list>` directives: merges the list and orders it by the directive.
    static func applyElementOrders(
        _ original: inout [String: JSONValue], _ patch: inout [String: JSONValue], schema: SchemaNode, path: String
    ) throws(PatchError) {
        for key in patch.keys where key.hasPrefix(setElementOrderPrefix) {
            guard case .array(let order)? = patch.removeValue(forKey: key) else {
                throw malformed(path, "\(key) must be a list")
            }
            let name = String(key.dropFirst(setElementOrderPrefix.count))
            let field = schema.field(name)
            let originalList = original[name]?.arrayValue
            let patchList = patch.removeValue(forKey: name)
            var merged: [JSONValue]
            switch (originalList, patchList) {
            case (let lhs?, .array(let rhs)?):
                merged = try mergeValue(.array(lhs), .array(rhs), schema: field, path: path + "." + name).arrayValue ?? rhs
            case (nil, .array(let rhs)?): merged = try mergeList([], rhs, schema: field, path: path + "." + name)
            case (let lhs?, nil): merged = lhs
            case (_, .some(let other)):
                original[name] = other == .null ? nil : other
                continue
            case (nil, nil): continue
            }
            merged = ordered(merged, patchOrder: order, serverOrder: originalList ?? [], mergeKey: field.mergeKey)
            original[name] = .array(merged)
        }
    }
}
