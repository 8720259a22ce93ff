import CapstanCore

/// Reads a tar.gz entry by entry with bounded memory (ustar, pax and GNU long names), checking its digest.
public final class ArchiveReader {
    private let inflater: GzipInflater
    private var remaining = 0
    private var padding = 0
    private var finished = false

    /// Opens the tar.gz at `path`.
    public init(path: String) throws {
        inflater = try GzipInflater(path: path)
    }

    /// The next entry, or nil at the end of the archive; unread content of the previous entry is skipped.
    public func next() throws -> ArchiveEntry? {
        try skipContent()
        var overrides: [String: [UInt8]] = [:]
        while !finished {
            let block = try inflater.readExactly(512)
            if block.allSatisfy({ $0 == 0 }) { finished = true; return nil }
            let header = try ParsedHeader(block)
            switch header.typeFlag {
            case 0x78, 0x67, 0x4c, 0x4b:  // pax extended, pax global, GNU long name, GNU long link
                guard header.size <= 1 << 20 else { throw ArchiveError.limit(reason: "metadata entry of \(header.size) bytes") }
                let data = try inflater.readExactly(header.size)
                _ = try inflater.readExactly((512 - header.size % 512) % 512)
                if header.typeFlag == 0x78 { overrides.merge(try ParsedHeader.paxRecords(data)) { $1 } }
                if header.typeFlag == 0x4c { overrides["path"] = Array(data.prefix { $0 != 0 }) }
                if header.typeFlag == 0x4b { overrides["linkpath"] = Array(data.prefix { $0 != 0 }) }
            default:
                return try entry(header, overrides)
            }
        }
        return nil
    }

    private func entry(_ header: ParsedHeader, _ overrides: [String: [UInt8]]) throws -> ArchiveEntry {
        let path = String(decoding: overrides["path"] ?? header.path, as: UTF8.self)
        let link = String(decoding: overrides["linkpath"] ?? header.linkName, as: UTF8.self)
        let size = overrides["size"].flatMap { Int(String(decoding: $0, as: UTF8.self)) } ?? header.size
        let kind: ArchiveEntry.Kind = switch header.typeFlag {
        case 0x30, 0x00, 0x37: .file(executable: header.mode & 0o111 != 0)
        case 0x35: .directory
        case 0x32: .symlink(target: link)
        case 0x31: .hardlink(target: link)
        default: .other(typeFlag: header.typeFlag)
        }
        remaining = size
        padding = (512 - size % 512) % 512
        return ArchiveEntry(path: path, kind: kind, size: size)
    }

    /// Streams the current entry's content to `body`, chunk by chunk.
    public func readContent(_ body: (UnsafeRawBufferPointer) throws -> Void) throws {
        while remaining > 0 {
            let count = try inflater.read(upTo: remaining) { chunk in
                try body(chunk)
                return chunk.count
            }
            guard count > 0 else { throw ArchiveError.corrupt(reason: "entry content ends early") }
            remaining -= count
        }
        _ = try inflater.readExactly(padding)
        padding = 0
    }

    private func skipContent() throws { try readContent { _ in } }

    /// Reads the rest of the file and returns the digest of all its bytes.
    public func digest() throws -> Digest {
        try inflater.drain()
        return Digest(finalizing: inflater.hasher)
    }
}

/// The fields of a ustar header block Capstan reads.
struct ParsedHeader {
    let path: [UInt8]
    let mode: Int
    let size: Int
    let typeFlag: UInt8
    let linkName: [UInt8]

    init(_ block: [UInt8]) throws {
        let stored = ParsedHeader.octal(block[148..<156])
        var sum = block.reduce(0) { $0 + Int($1) }
        sum -= block[148..<156].reduce(0) { $0 + Int($1) } - 8 * 0x20
        guard stored == sum else { throw ArchiveError.corrupt(reason: "tar header checksum mismatch") }
        let name = ParsedHeader.field(block[0..<100])
        let prefix = ParsedHeader.field(block[345..<500])
        let isUstar = block[257..<262].elementsEqual("ustar".utf8)
        path = isUstar && !prefix.isEmpty ? prefix + [0x2f] + name : name
        mode = ParsedHeader.octal(block[100..<108]) ?? 0o644
        guard let size = ParsedHeader.octal(block[124..<136]) else { throw ArchiveError.corrupt(reason: "tar size field is not octal") }
        self.size = size
        typeFlag = block[156]
        linkName = ParsedHeader.field(block[157..<257])
    }

    static func field(_ bytes: ArraySlice<UInt8>) -> [UInt8] { Array(bytes.prefix { $0 != 0 }) }

    static func octal(_ bytes: ArraySlice<UInt8>) -> Int? {
        let digits = bytes.filter { $0 != 0 && $0 != 0x20 }
        guard !digits.isEmpty || bytes.contains(0x30) || bytes.allSatisfy({ $0 == 0 || $0 == 0x20 }) else { return nil }
        return digits.reduce(0 as Int?) { total, digit in
            guard let total, (0x30...0x37).contains(digit), total < Int.max >> 3 else { return nil }
            return total << 3 | Int(digit - 0x30)
        }
    }

    /// Parses pax records `"<length> key=value\n"`.
    static func paxRecords(_ data: [UInt8]) throws -> [String: [UInt8]] {
        var records: [String: [UInt8]] = [:]
        var index = 0
        while index < data.count {
            guard let space = data[index...].firstIndex(of: 0x20),
                  let length = Int(String(decoding: data[index..<space], as: UTF8.self)), length > 0,
                  index + length <= data.count, let equals = data[space..<(index + length)].firstIndex(of: 0x3d)
            else { throw ArchiveError.corrupt(reason: "malformed pax record") }
            records[String(decoding: data[(space + 1)..<equals], as: UTF8.self)] = Array(data[(equals + 1)..<(index + length - 1)])
            index += length
        }
        return records
    }
}
