/// Reads the protobuf wire format: tags, varints, fixed-width numbers and length-delimited bytes.
struct ProtobufReader {
    /// One field as found on the wire.
    enum Value {
        case varint(UInt64)
        case fixed64(UInt64)
        case fixed32(UInt32)
        case bytes(ArraySlice<UInt8>)
    }

    struct Malformed: Error {}

    private let bytes: ArraySlice<UInt8>
    private var index: Int

    init(_ bytes: ArraySlice<UInt8>) {
        self.bytes = bytes
        index = bytes.startIndex
    }

    var isAtEnd: Bool { index >= bytes.endIndex }

    /// The next field number and value, or nil at the end.
    mutating func next() throws(Malformed) -> (number: Int, value: Value)? {
        guard !isAtEnd else { return nil }
        let tag = try varint()
        let number = Int(tag >> 3)
        guard number > 0 else { throw Malformed() }
        switch tag & 7 {
        case 0: return (number, .varint(try varint()))
        case 1: return (number, .fixed64(try fixed(8)))
        case 2:
            let length = Int(try varint())
            guard length >= 0, length <= bytes.endIndex - index else { throw Malformed() }
            defer { index += length }
            return (number, .bytes(bytes[index..<index + length]))
        case 5: return (number, .fixed32(UInt32(try fixed(4))))
        default: throw Malformed()
        }
    }

    mutating func varint() throws(Malformed) -> UInt64 {
        var result: UInt64 = 0
        var shift: UInt64 = 0
        while index < bytes.endIndex, shift < 64 {
            let byte = bytes[index]
            index += 1
            result |= UInt64(byte & 0x7f) << shift
            if byte & 0x80 == 0 { return result }
            shift += 7
        }
        throw Malformed()
    }

    private mutating func fixed(_ width: Int) throws(Malformed) -> UInt64 {
        guard bytes.endIndex - index >= width else { throw Malformed() }
        var result: UInt64 = 0
        for offset in 0..<width { result |= UInt64(bytes[index + offset]) << (8 * UInt64(offset)) }
        index += width
        return result
    }
}
