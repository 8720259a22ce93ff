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
    /// seeded per process) keeps Capstan's output the same on every run. When byte order already
    /// has no adjacent pair out of go-yaml's order (keys of letters only, the usual case), the
    /// stable sort would leave it as it is, so it is skipped.
    static func sortedMembers<Value>(_ members: [String: Value], v3: Bool = false) -> [(key: String, value: Value)] {
        // Sorting the keys alone moves one reference per swap instead of a key and a value.
        var keys = Array(members.keys)
        keys.sort(by: JSONValue.utf8Less)
        var index = 1
        while index < keys.count, !less(fast: keys[index], keys[index - 1], v3: v3) { index += 1 }
        if index < keys.count { keys.sort { less(fast: $0, $1, v3: v3) } }
        return keys.map { (key: $0, value: members[$0]!) }
    }

    /// `less`, computed on the UTF-8 bytes when both keys are ASCII (then bytes are code points).
    static func less(fast lhs: String, _ rhs: String, v3: Bool = false) -> Bool {
        let verdict = lhs.utf8.withContiguousStorageIfAvailable { a in
            rhs.utf8.withContiguousStorageIfAvailable { b -> Bool? in
                let count = min(a.count, b.count)
                var index = 0
                while index < count {
                    let x = a[index]
                    let y = b[index]
                    if x != y {
                        // Letters against letters compare by code point; any other pair needs the full rule.
                        if isASCIILetter(x) && isASCIILetter(y) { return x < y }
                        guard isASCII(a), isASCII(b) else { return nil }
                        return less(a, b, v3: v3)
                    }
                    index += 1
                }
                return a.count < b.count
            }
        }
        if let verdict, let verdict, let verdict { return verdict }
        return less(lhs, rhs, v3: v3)
    }

    @inline(__always) static func isASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        bytes.allSatisfy { $0 < 0x80 }
    }

    @inline(__always) static func isASCIILetter(_ byte: UInt8) -> Bool {
        (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
    }
}
