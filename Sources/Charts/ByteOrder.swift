/// Go's string order (bytewise on UTF-8), compared on contiguous bytes: sorting rendered file
/// paths, which share long prefixes, through the generic UTF8View iteration showed in profiles.
enum ByteOrder {
    static func less(_ lhs: String, _ rhs: String) -> Bool {
        let verdict = lhs.utf8.withContiguousStorageIfAvailable { a in
            rhs.utf8.withContiguousStorageIfAvailable { b in
                let count = min(a.count, b.count)
                var index = 0
                while index < count {
                    if a[index] != b[index] { return a[index] < b[index] }
                    index += 1
                }
                return a.count < b.count
            }
        }
        if let verdict, let verdict { return verdict }
        return lhs.utf8.lexicographicallyPrecedes(rhs.utf8)
    }
}
