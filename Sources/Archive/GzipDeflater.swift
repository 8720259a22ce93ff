import CZlib

/// A gzip member with a fixed header (no name, mtime 0, OS byte 3) and a fixed deflate level, so the
/// same input always gives the same bytes with the same zlib.
final class GzipDeflater {
    private var stream = z_stream()
    private var crc: UInt = crc32(0, nil, 0)
    private var inputSize: UInt32 = 0
    private var output = [UInt8](repeating: 0, count: 256 << 10)
    private let sink: HashingFile

    static let header: [UInt8] = [0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3]

    init(sink: HashingFile, level: Int32) throws {
        self.sink = sink
        // Raw deflate (negative window bits): the gzip header and trailer are written here, byte for byte.
        let status = deflateInit2_(&stream, level, Z_DEFLATED, -15, 8, Z_DEFAULT_STRATEGY, zlibVersion(), Int32(MemoryLayout<z_stream>.size))
        guard status == Z_OK else { throw ArchiveError.zlib(operation: "deflateInit2", code: status) }
        try GzipDeflater.header.withUnsafeBytes { (bytes) throws in try sink.write(bytes) }
    }

    deinit { deflateEnd(&stream) }

    func write(_ bytes: UnsafeRawBufferPointer) throws {
        var offset = 0
        while offset < bytes.count {
            let chunk = min(bytes.count - offset, 1 << 30)
            let base = bytes.baseAddress!.advanced(by: offset).assumingMemoryBound(to: UInt8.self)
            crc = crc32(crc, base, UInt32(chunk))
            inputSize &+= UInt32(truncatingIfNeeded: chunk)
            stream.next_in = UnsafeMutablePointer(mutating: base)
            stream.avail_in = UInt32(chunk)
            try pump(flush: Z_NO_FLUSH)
            offset += chunk
        }
    }

    func finish() throws {
        stream.next_in = nil
        stream.avail_in = 0
        try pump(flush: Z_FINISH)
        var trailer = [UInt8]()
        for value in [UInt32(truncatingIfNeeded: crc), inputSize] {
            trailer += [UInt8(value & 0xff), UInt8(value >> 8 & 0xff), UInt8(value >> 16 & 0xff), UInt8(value >> 24)]
        }
        try trailer.withUnsafeBytes { (bytes) throws in try sink.write(bytes) }
    }

    private func pump(flush: Int32) throws {
        let capacity = output.count
        while true {
            let (status, produced) = output.withUnsafeMutableBufferPointer { buffer in
                stream.next_out = buffer.baseAddress
                stream.avail_out = UInt32(capacity)
                let status = deflate(&stream, flush)
                return (status, capacity - Int(stream.avail_out))
            }
            guard status == Z_OK || status == Z_STREAM_END || status == Z_BUF_ERROR else {
                throw ArchiveError.zlib(operation: "deflate", code: status)
            }
            if produced > 0 {
                try output.withUnsafeBytes { (bytes) throws in try sink.write(UnsafeRawBufferPointer(rebasing: bytes[0..<produced])) }
            }
            if flush == Z_FINISH ? status == Z_STREAM_END : (stream.avail_in == 0 && produced < capacity) { return }
        }
    }
}
