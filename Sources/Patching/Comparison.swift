import CapstanCore

/// The fields that differ between two versions of an object (structured-merge-diff `Compare`):
/// added, modified and removed paths, each as a field set.
struct Comparison {
    var added = FieldSet()
    var modified = FieldSet()
    var removed = FieldSet()

    /// Whether nothing was added, modified or removed.
    var isEmpty: Bool { added.isEmpty && modified.isEmpty && removed.isEmpty }

    /// Paths whose value the new version sets differently: `modified ∪ added`.
    var changed: FieldSet { modified.union(added) }

    /// Where an added node sits: Go zero objects carry non-pointer structs (and lists without
    /// `omitempty`, such as `containers`) already, so an Update that fills them in does not add the
    /// node itself.
    enum Parent { case existing, zeroStruct, new }

    /// Compares `old` and `new` at one node with schema `schema`.
    static func compare(_ old: JSONValue?, _ new: JSONValue?, schema: SchemaNode, parent: Parent = .existing)
        -> Comparison
    {
        var result = Comparison()
        switch (old, new) {
        case (nil, nil): break
        case (nil, let new?): result.added = presence(new, schema: schema, parent: parent)
        case (let old?, nil): result.removed = presence(old, schema: schema, parent: .new)
        case (let old?, let new?): result.compareBoth(old, new, schema: schema)
        }
        return result
    }

    private mutating func compareBoth(_ old: JSONValue, _ new: JSONValue, schema: SchemaNode) {
        // Shared storage makes this O(1) for subtrees a merge left alone.
        if old == new { return }
        switch (old, new) {
        case (.object(let lhs), .object(let rhs)) where !schema.isAtomic:
            for (key, value) in rhs {
                attach(PathElement.field(key), Self.compare(lhs[key], value, schema: schema.field(key)))
            }
            for (key, value) in lhs where rhs[key] == nil {
                attach(PathElement.field(key), Self.compare(value, nil, schema: schema.field(key)))
            }
        case (.array(let lhs), .array(let rhs)) where schema.effectiveListType != .atomic:
            guard let left = Self.keyed(lhs, schema: schema), let right = Self.keyed(rhs, schema: schema) else {
                modified = .member
                return
            }
            let itemSchema = schema.item
            for (element, value) in right {
                attach(element, Self.compare(left[element], value, schema: itemSchema, parent: .new))
            }
            for (element, value) in left where right[element] == nil {
                attach(element, Self.compare(value, nil, schema: itemSchema))
            }
        default:
            modified = .member
        }
    }

    private mutating func attach(_ element: @autoclosure () -> String, _ child: Comparison) {
        if child.isEmpty { return }
        let element = element()
        added.attach(element, child.added)
        modified.attach(element, child.modified)
        removed.attach(element, child.removed)
    }

    private static func keyed(_ items: [JSONValue], schema: SchemaNode) -> [String: JSONValue]? {
        var result: [String: JSONValue] = [:]
        result.reserveCapacity(items.count)
        for item in items {
            guard let element = PathElement.item(item, of: schema) else { return nil }
            result[element] = item
        }
        return result
    }

    /// Every node of a value that appears or disappears as a whole.
    static func presence(_ value: JSONValue, schema: SchemaNode, parent: Parent) -> FieldSet {
        switch value {
        case .object(let members) where !schema.isAtomic:
            let zero = schema.isPresentWhenZero && parent != .new
            var node = FieldSet(isMember: !zero)
            for (key, child) in members {
                node.attach(
                    PathElement.field(key),
                    presence(child, schema: schema.field(key), parent: zero ? .zeroStruct : .new))
            }
            return node
        case .array(let items) where schema.effectiveListType != .atomic:
            var node = FieldSet(isMember: !(schema.isPresentWhenZero && parent != .new))
            let itemSchema = schema.item
            for item in items {
                guard let element = PathElement.item(item, of: schema) else { return .member }
                node.children[element] = presence(item, schema: itemSchema, parent: .new)
            }
            return node
        default:
            return .member
        }
    }
}
