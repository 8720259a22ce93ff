import CapstanCore

/// Computes the set of fields an applied configuration specifies (structured-merge-diff's
/// `ToFieldSet`): scalar leaves, list-map and set items, atomic values whole, empty maps and nulls,
/// and entries of non-struct maps. Parent struct fields are not members.
enum AppliedFields {
    /// The field set of `value` with schema `schema`; throws on list items that cannot be keyed.
    static func of(_ value: JSONValue, schema: SchemaNode) throws(UnkeyableItem) -> FieldSet {
        switch value {
        case .object(let members):
            if schema.isAtomic { return .member }
            var node = FieldSet()
            node.children.reserveCapacity(members.count)
            for (key, child) in members {
                let element = PathElement.field(key)
                var childSet: FieldSet
                do { childSet = try of(child, schema: schema.field(key)) } catch { throw error.under(element) }
                if child == .null || child == .object([:]) || schema.isMap { childSet.isMember = true }
                node.attach(element, childSet)
            }
            return node
        case .array(let items):
            if schema.effectiveListType == .atomic { return .member }
            var node = FieldSet()
            let itemSchema = schema.item
            for (index, item) in items.enumerated() {
                guard let element = PathElement.item(item, of: schema) else {
                    throw UnkeyableItem(reversedPath: ["i:\(index)"], reason: PathElement.keyProblem(item, of: schema))
                }
                var itemSet: FieldSet
                do { itemSet = try of(item, schema: itemSchema) } catch { throw error.under(element) }
                itemSet.isMember = true
                node.children[element] = itemSet
            }
            return node
        default:
            return .member
        }
    }
}

/// A list-map item that is not an object, found while keying a list.
struct UnkeyableItem: Error {
    var reversedPath: [String]
    var reason: String

    func under(_ element: String) -> UnkeyableItem {
        UnkeyableItem(reversedPath: reversedPath + [element], reason: reason)
    }

    var path: String { FieldSet.describe(reversedPath.reversed()) }
}
