/// One ustar header block, with every field Capstan does not vary fixed (mtime 0, uid/gid 0, no names).
struct TarHeader {
    enum TypeFlag: UInt8 {
        case file = 0x30, symlink = 0x32, directory = 0x35, paxExtended = 0x78
    }

    var name: [UInt8]
    var prefix: [UInt8] = []
    var mode: Int
    var size: Int
    var type: TypeFlag
    var linkName: [UInt8] = []

    /// The 512 bytes of the block.
    func encoded() -> [UInt8] {
        var block = [UInt8](repeating: 0, count: 512)
        put(name, at: 0, width: 100, in: &block)
        putOctal(mode, at: 100, width: 8, in: &block)
        putOctal(0, at: 108, width: 8, in: &block)
        putOctal(0, at: 116, width: 8, in: &block)
        putOctal(size, at: 124, width: 12, in: &block)
        putOctal(0, at: 136, width: 12, in: &block)
        block[156] = type.rawValue
        put(linkName, at: 157, width: 100, in: &block)
        put(Array("ustar\u{0}00".utf8), at: 257, width: 8, in: &block)
        put(prefix, at: 345, width: 155, in: &block)
        for index in 148..<156 { block[index] = 0x20 }
        let sum = block.reduce(0) { $0 + Int($1) }
        putOctal(sum, at: 148, width: 7, in: &block)
        return block
    }

    private func put(_ bytes: [UInt8], at offset: Int, width: Int, in block: inout [UInt8]) {
        for (index, byte) in bytes.prefix(width).enumerated() { block[offset + index] = byte }
    }

    /// Zero-padded octal, `width - 1` digits and a NUL.
    private func putOctal(_ value: Int, at offset: Int, width: Int, in block: inout [UInt8]) {
        var digits = Array(String(value, radix: 8).utf8)
        digits = [UInt8](repeating: 0x30, count: max(0, width - 1 - digits.count)) + digits
        put(digits, at: offset, width: width - 1, in: &block)
        block[offset + width - 1] = 0
    }

    /// Splits a path into ustar's prefix and name fields; nil when it does not fit.
    static func split(_ path: [UInt8]) -> (prefix: [UInt8], name: [UInt8])? {
        if path.count <= 100 { return ([], path) }
        guard path.count <= 256 else { return nil }
        for index in path.indices.reversed() where path[index] == 0x2f {
            let prefix = Array(path[..<index]), name = Array(path[(index + 1)...])
            if prefix.count <= 155 && name.count <= 100 && !name.isEmpty { return (prefix, name) }
        }
        return nil
    }

    /// A pax record, `"<length> <key>=<value>\n"`, whose length counts itself.
    static func paxRecord(_ key: String, _ value: [UInt8]) -> [UInt8] {
        let body = Array(" \(key)=".utf8) + value + [0x0a]
        var length = body.count + 1
        while String(length).utf8.count + body.count != length { length = String(length).utf8.count + body.count }
        return Array(String(length).utf8) + body
    }
}
