extension GoKeyOrder {
    /// The keys in go-yaml's natural order, with a byte-wise fast path for plain ASCII keys.
    static func sorted(_ keys: Dictionary<String, some Any>.Keys) -> [String] {
        keys.sorted(by: less(fast:_:))
    }

    static func less(fast lhs: String, _ rhs: String) -> Bool {
        var left = lhs.utf8.makeIterator()
        var right = rhs.utf8.makeIterator()
        while true {
            guard let a = left.next() else { return right.next() != nil }
            guard let b = right.next() else { return false }
            if a == b { continue }
            // Letters against letters compare by code point; any other pair needs the full rule.
            if a < 0x80, b < 0x80, isASCIILetter(a), isASCIILetter(b) {
                return a < b
            }
            return less(lhs, rhs)
        }
    }

    @inline(__always) static func isASCIILetter(_ byte: UInt8) -> Bool {
        (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
    }
}
