import CapstanCore

/// A set of field paths, as server-side apply tracks ownership: a trie whose edges are encoded
/// path elements exactly as FieldsV1 spells them (`f:name`, `k:{"name":"web"}`, `v:"x"`, `i:0`).
///
/// A node is a *member* when the path itself is in the set (FieldsV1 `{}` for a leaf, `".": {}`
/// beside children). Nodes that are neither members nor prefixes of members are never stored.
public struct FieldSet: Sendable, Hashable {
    /// Whether the path leading to this node is itself in the set.
    public internal(set) var isMember: Bool
    /// The child nodes, keyed by encoded path element.
    public internal(set) var children: [String: FieldSet]

    /// The empty set.
    public init() {
        isMember = false
        children = [:]
    }

    init(isMember: Bool, children: [String: FieldSet] = [:]) {
        self.isMember = isMember
        self.children = children
    }

    /// A set holding only the empty path (used as a leaf node).
    static let member = FieldSet(isMember: true)

    /// Whether the set holds no path.
    public var isEmpty: Bool { !isMember && children.isEmpty }

    /// The number of paths in the set.
    public var count: Int {
        children.values.reduce(isMember ? 1 : 0) { $0 + $1.count }
    }

    /// Adds `child` under `element` unless it is empty.
    @inline(__always)
    mutating func attach(_ element: String, _ child: FieldSet) {
        guard !child.isEmpty else { return }
        children[element] = child
    }

    /// Whether the set holds `path` (a list of encoded path elements).
    public func contains(_ path: [String]) -> Bool {
        var node = self
        for element in path {
            guard let next = node.children[element] else { return false }
            node = next
        }
        return node.isMember
    }

    /// Adds `path` to the set.
    public mutating func insert(_ path: [String]) {
        insert(path[...])
    }

    private mutating func insert(_ path: ArraySlice<String>) {
        guard let first = path.first else {
            isMember = true
            return
        }
        var child = children.removeValue(forKey: first) ?? FieldSet()
        child.insert(path.dropFirst())
        children[first] = child
    }

    /// Every path of the set, children in sorted order.
    public var paths: [[String]] {
        var result: [[String]] = []
        collectPaths(prefix: [], into: &result)
        return result
    }

    private func collectPaths(prefix: [String], into result: inout [[String]]) {
        if isMember { result.append(prefix) }
        for key in children.keys.sorted(by: FieldSet.elementLess) {
            children[key]!.collectPaths(prefix: prefix + [key], into: &result)
        }
    }

    /// Orders path elements as structured-merge-diff does: fields, then keys, values, indexes.
    static func elementLess(_ lhs: String, _ rhs: String) -> Bool {
        let rank: (String) -> Int = { element in
            switch element.utf8.first {
            case UInt8(ascii: "f"): 0
            case UInt8(ascii: "k"): 1
            case UInt8(ascii: "v"): 2
            default: 3
            }
        }
        let (left, right) = (rank(lhs), rank(rhs))
        if left != right { return left < right }
        return JSONValue.utf8Less(lhs, rhs)
    }
}
