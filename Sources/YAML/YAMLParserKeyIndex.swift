/// Remembers the keys of one mapping and the line of each, to refuse duplicates as Kubernetes does.
///
/// Scalar keys compare by text whatever their style or tag, because a manifest becomes JSON whose
/// keys are plain strings: `1` and `"1"` would collide there. Other keys compare by content.
struct YAMLParserKeyIndex {
    private static let linearScanLimit = 16
    private var small: [(key: String, line: Int)] = []
    private var large: [String: Int]?
    private var complex: [(key: YAMLNode, line: Int)] = []

    /// Records `key`; returns the line of an equal key recorded before, if any.
    mutating func insert(_ key: YAMLNode, line: Int) -> Int? {
        guard case .scalar(let scalar) = key else { return insertComplex(key, line: line) }
        if large != nil {
            // Mutating through `large!` updates the dictionary in place (no copy per key).
            if let earlier = large![scalar.value] { return earlier }
            large![scalar.value] = line
            return nil
        }
        if let earlier = small.first(where: { $0.key == scalar.value }) { return earlier.line }
        small.append((scalar.value, line))
        if small.count > Self.linearScanLimit {
            large = Dictionary(small.map { ($0.key, $0.line) }, uniquingKeysWith: { first, _ in first })
            small = []
        }
        return nil
    }

    private mutating func insertComplex(_ key: YAMLNode, line: Int) -> Int? {
        if let earlier = complex.first(where: { $0.key.hasSameContent(as: key) }) { return earlier.line }
        complex.append((key, line))
        return nil
    }

    /// How an error names a key: quoted text for scalars, the kind otherwise.
    static func describe(_ key: YAMLNode) -> String {
        switch key {
        case .scalar(let scalar): "\"\(scalar.value)\""
        case .sequence: "(a sequence)"
        case .mapping: "(a mapping)"
        }
    }
}

extension YAMLNode {
    /// Equality that ignores where nodes were written and how scalars were quoted.
    fileprivate func hasSameContent(as other: YAMLNode) -> Bool {
        switch (self, other) {
        case (.scalar(let left), .scalar(let right)):
            return left.value == right.value
        case (.sequence(let left), .sequence(let right)):
            return left.items.count == right.items.count
                && zip(left.items, right.items).allSatisfy { $0.hasSameContent(as: $1) }
        case (.mapping(let left), .mapping(let right)):
            return left.entries.count == right.entries.count
                && zip(left.entries, right.entries).allSatisfy {
                    $0.key.hasSameContent(as: $1.key) && $0.value.hasSameContent(as: $1.value)
                }
        default:
            return false
        }
    }
}
