import CapstanCore

extension GoKeyOrder {
    /// The keys in go-yaml's natural order, with a byte-wise fast path for plain ASCII keys.
    static func sorted(_ keys: Dictionary<String, some Any>.Keys) -> [String] {
        keys.sorted { less(fast: $0, $1) }
    }

    /// The members of a mapping in go-yaml's key order.
    ///
    /// Some key sets have no total order under go-yaml's rule (`x1B < x2 < x11 < x1B`); Go's
    /// output then depends on its random map order. Starting from byte order (Dictionary order is
    /// seeded per process) keeps Capstan's output the same on every run.
    static func sortedMembers<Value>(_ members: [String: Value], v3: Bool = false) -> [(key: String, value: Value)] {
        members.sorted { JSONValue.utf8Less($0.key, $1.key) }.sorted { less(fast: $0.key, $1.key, v3: v3) }
    }

    static func less(fast lhs: String, _ rhs: String, v3: Bool = false) -> Bool {
        var left = lhs
        var right = rhs
        let verdict = left.withUTF8 { a in
            right.withUTF8 { b -> Bool? in
                let count = min(a.count, b.count)
                var index = 0
                while index < count {
                    let x = a[index]
                    let y = b[index]
                    if x != y {
                        // Letters against letters compare by code point; any other pair needs the full rule.
                        if isASCIILetter(x) && isASCIILetter(y) { return x < y }
                        return nil
                    }
                    index += 1
                }
                return a.count < b.count
            }
        }
        return verdict ?? less(lhs, rhs, v3: v3)
    }

    @inline(__always) static func isASCIILetter(_ byte: UInt8) -> Bool {
        (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
    }
}
