/// Why an artifact could not be written or read, naming the entry or file and what to do.
public enum ArchiveError: Error, Sendable, CustomStringConvertible {
    /// A system call on `path` failed.
    case io(path: String, operation: String, errno: Int32)
    /// zlib refused the data (`operation` failed with `code`).
    case zlib(operation: String, code: Int32)
    /// The archive is not well-formed gzip'd tar.
    case corrupt(reason: String)
    /// An entry would land outside the target directory, or is a kind Capstan never unpacks.
    case unsafeEntry(path: String, reason: String)
    /// A size or count limit was crossed.
    case limit(reason: String)
    /// The bytes read do not hash to the digest asked for.
    case digestMismatch(expected: String, actual: String)

    public var description: String {
        switch self {
        case .io(let path, let operation, let code): "\(path): \(operation) failed: \(String(cString: strerrorText(code)))"
        case .zlib(let operation, let code): "zlib \(operation) failed with code \(code)"
        case .corrupt(let reason): "archive is corrupt: \(reason)"
        case .unsafeEntry(let path, let reason): "archive entry '\(path)' refused: \(reason)"
        case .limit(let reason): "archive limit exceeded: \(reason)"
        case .digestMismatch(let expected, let actual): "archive digest is \(actual), expected \(expected): the bytes were corrupted or replaced"
        }
    }
}

#if canImport(Glibc)
import Glibc
private func strerrorText(_ code: Int32) -> UnsafeMutablePointer<CChar> { strerror(code) }
#else
import Darwin
private func strerrorText(_ code: Int32) -> UnsafeMutablePointer<CChar> { strerror(code) }
#endif
