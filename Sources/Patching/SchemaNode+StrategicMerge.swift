extension SchemaNode {
    /// The keys strategic merge matches list items by: the list-map keys (or the patch merge key)
    /// of a keyed list, empty for a merged list of scalars, nil for a list that is replaced whole.
    public var strategicMergeKeys: [String]? {
        if mergesScalars { return [] }
        guard let mergeKey else { return nil }
        if case .map(let keys)? = listType, !keys.isEmpty { return keys }
        return [mergeKey]
    }

    /// The schema of field `name`, for walkers outside this module.
    public func schema(ofField name: String) -> SchemaNode { field(name) }

    /// The schema of this list's items, for walkers outside this module.
    public var itemSchema: SchemaNode { item }
}
