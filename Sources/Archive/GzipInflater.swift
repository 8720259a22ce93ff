import CZlib
import Crypto
#if canImport(Glibc)
import Glibc
#endif

/// Reads a gzip file as a stream of decompressed bytes, hashing the compressed bytes as they are read.
final class GzipInflater {
    private let path: String
    private let fd: Int32
    private var stream = z_stream()
    private var input = [UInt8](repeating: 0, count: 64 << 10)
    private var output = [UInt8](repeating: 0, count: 64 << 10)
    private var outputStart = 0
    private var outputEnd = 0
    private var ended = false
    private(set) var hasher = SHA256()

    init(path: String) throws {
        self.path = path
        fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw ArchiveError.io(path: path, operation: "open", errno: errno) }
        // 15 + 16: zlib parses the gzip header and checks the CRC-32 and length trailer itself.
        let status = inflateInit2_(&stream, 15 + 16, zlibVersion(), Int32(MemoryLayout<z_stream>.size))
        guard status == Z_OK else { close(fd); throw ArchiveError.zlib(operation: "inflateInit2", code: status) }
    }

    deinit {
        inflateEnd(&stream)
        close(fd)
    }

    /// Copies up to `count` decompressed bytes to `body`; an empty buffer means the end of the stream.
    func read<T>(upTo count: Int, _ body: (UnsafeRawBufferPointer) throws -> T) throws -> T {
        if outputStart == outputEnd { try refill() }
        let available = min(count, outputEnd - outputStart)
        defer { outputStart += available }
        return try output.withUnsafeBytes { try body(UnsafeRawBufferPointer(rebasing: $0[outputStart..<(outputStart + available)])) }
    }

    /// Reads exactly `count` bytes; fails when the stream ends first.
    func readExactly(_ count: Int) throws -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(count)
        while bytes.count < count {
            let chunk = try read(upTo: count - bytes.count) { Array($0) }
            guard !chunk.isEmpty else { throw ArchiveError.corrupt(reason: "unexpected end of data") }
            bytes += chunk
        }
        return bytes
    }

    /// Reads what is left of the compressed file so the digest covers every byte.
    func drain() throws {
        while try read(upTo: output.count, { $0.count }) > 0 {}
        var spare = [UInt8](repeating: 0, count: 64 << 10)
        while true {
            let count = Glibc.read(fd, &spare, spare.count)
            guard count > 0 else { return }
            spare.withUnsafeBytes { hasher.update(bufferPointer: UnsafeRawBufferPointer(rebasing: $0[0..<count])) }
        }
    }

    private func refill() throws {
        outputStart = 0
        outputEnd = 0
        while outputEnd == 0 && !ended {
            if stream.avail_in == 0 { try readInput() }
            let capacity = output.count
            let status = output.withUnsafeMutableBufferPointer { buffer in
                stream.next_out = buffer.baseAddress
                stream.avail_out = UInt32(capacity)
                return inflate(&stream, Z_NO_FLUSH)
            }
            outputEnd = capacity - Int(stream.avail_out)
            if status == Z_STREAM_END { ended = true } else if status != Z_OK && !(status == Z_BUF_ERROR && outputEnd > 0) {
                throw ArchiveError.corrupt(reason: "gzip data is invalid (zlib inflate code \(status))")
            }
        }
    }

    private func readInput() throws {
        let count = input.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
        guard count >= 0 else { throw ArchiveError.io(path: path, operation: "read", errno: errno) }
        guard count > 0 else { throw ArchiveError.corrupt(reason: "gzip stream is truncated") }
        input.withUnsafeBytes { hasher.update(bufferPointer: UnsafeRawBufferPointer(rebasing: $0[0..<count])) }
        input.withUnsafeMutableBufferPointer { stream.next_in = $0.baseAddress }
        stream.avail_in = UInt32(count)
    }
}
