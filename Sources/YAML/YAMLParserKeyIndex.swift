/// Remembers the keys of one mapping and the line of each, to refuse duplicates as Kubernetes does.
///
/// Scalar keys compare by text whatever their style or tag, because a manifest becomes JSON whose
/// keys are plain strings: `1` and `"1"` would collide there. Other keys compare by content.
struct YAMLParserKeyIndex {
    private static let linearScanLimit = 16
    /// Lines of scalar keys by text, built only once a mapping outgrows a linear scan.
    private var lines: [String: Int]?

    /// Checks `key` against the keys already in `children` (every other node from `start`);
    /// returns the line of an equal earlier key, if any.
    mutating func insert(_ key: YAMLNode, line: Int, among children: [YAMLNode], from start: Int) -> Int? {
        let earlierKeys = stride(from: start, to: children.count, by: 2)
        guard case .scalar(let scalar) = key else {
            return earlierKeys.first { children[$0].hasSameContent(as: key) }.map { children[$0].mark.line }
        }
        if lines == nil {
            if (children.count - start) / 2 < Self.linearScanLimit {
                return earlierKeys.first { children[$0].scalar?.value == scalar.value }.map { children[$0].mark.line }
            }
            var table: [String: Int] = [:]
            for index in earlierKeys { if let text = children[index].scalar?.value { table[text] = table[text] ?? children[index].mark.line } }
            lines = table
        }
        // Mutating through `lines!` updates the dictionary in place (no copy per key).
        if let earlier = lines![scalar.value] { return earlier }
        lines![scalar.value] = line
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
