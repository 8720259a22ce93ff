/// Turns libyaml's character offsets into byte counts, to hold documents to a byte limit.
///
/// libyaml's marks count characters. The counter walks the UTF-8 input forward only, once per
/// stream, and only when the input is large enough that a document could pass the limit.
struct YAMLParserByteCounter {
    private let input: UnsafeBufferPointer<UInt8>
    private let limit: Int
    var utf16 = false
    private var character = 0
    private var byte: Int

    init(input: UnsafeBufferPointer<UInt8>, limit: Int) {
        self.input = input
        self.limit = limit
        let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
        byte = input.starts(with: bom) ? 3 : 0
    }

    /// Whether the characters `start..<end` take more than `limit` bytes of input.
    mutating func exceedsLimit(from start: Int, to end: Int) -> Bool {
        if input.count <= limit { return false }
        // UTF-16 input: two bytes per character (four for the rare astral one; counted as two).
        if utf16 { return (end - start) * 2 > limit }
        let first = offset(ofCharacter: start)
        return offset(ofCharacter: end) - first > limit
    }

    private mutating func offset(ofCharacter target: Int) -> Int {
        while character < target && byte < input.count {
            byte += 1
            while byte < input.count && input[byte] & 0xC0 == 0x80 { byte += 1 }
            character += 1
        }
        return byte
    }
}
