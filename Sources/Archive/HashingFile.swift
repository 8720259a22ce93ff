import Crypto
#if canImport(Glibc)
import Glibc
#endif

/// A new file written sequentially while its SHA-256 and length are computed.
final class HashingFile {
    let path: String
    private let fd: Int32
    private var hasher = SHA256()
    private(set) var size = 0

    /// Creates `path`, which must not exist yet.
    init(creating path: String) throws {
        self.path = path
        fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw ArchiveError.io(path: path, operation: "create", errno: errno) }
    }

    deinit { close(fd) }

    func write(_ bytes: UnsafeRawBufferPointer) throws {
        hasher.update(bufferPointer: bytes)
        size += bytes.count
        var offset = 0
        while offset < bytes.count {
            let written = Glibc.write(fd, bytes.baseAddress! + offset, bytes.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                throw ArchiveError.io(path: path, operation: "write", errno: errno)
            }
            offset += written
        }
    }

    /// Flushes the file to disk and returns the hash of everything written.
    func finish() throws -> SHA256 {
        guard fsync(fd) == 0 else { throw ArchiveError.io(path: path, operation: "fsync", errno: errno) }
        return hasher
    }
}
