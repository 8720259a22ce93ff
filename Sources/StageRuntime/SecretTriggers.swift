#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Which redaction passes a text needs, found with a few substring searches over its lowercased
/// bytes, so the common line (no URL credentials, no secret-named field) costs almost nothing.
struct SecretTriggers {
    var privateKeyBlock = false
    var urlUserInfo = false
    var secretPairs = false
    var bearerToken = false

    var any: Bool { privateKeyBlock || urlUserInfo || secretPairs || bearerToken }

    /// Fragments of every secret name ``Redaction/isSecret(key:)`` and query parameters match.
    private static let nameFragments = [
        "pass", "pwd", "secret", "token", "key", "auth", "cookie", "credential", "sig", "identity", "bearer", "code",
    ].map { Array($0.utf8) }

    init(_ bytes: [UInt8]) {
        let lower = bytes.map { (0x41...0x5A).contains($0) ? $0 | 0x20 : $0 }
        privateKeyBlock = Self.contains(lower, "-----begin ")
        urlUserInfo = lower.contains(UInt8(ascii: "@")) && Self.contains(lower, "://")
        bearerToken = Self.contains(lower, "bearer")
        let hasSeparator = lower.contains(UInt8(ascii: "=")) || lower.contains(UInt8(ascii: ":"))
        secretPairs = hasSeparator && Self.nameFragments.contains { Self.contains(lower, $0) }
    }

    private static func contains(_ bytes: [UInt8], _ needle: String) -> Bool {
        contains(bytes, Array(needle.utf8))
    }

    /// memchr for the first byte, memcmp for the rest: C-speed even in a debug build.
    private static func contains(_ bytes: [UInt8], _ needle: [UInt8]) -> Bool {
        guard !needle.isEmpty, needle.count <= bytes.count else { return needle.isEmpty }
        return bytes.withUnsafeBufferPointer { haystack in
            needle.withUnsafeBufferPointer { wanted in
                let base = haystack.baseAddress!
                let last = haystack.count - wanted.count
                var start = 0
                while start <= last {
                    guard let found = memchr(base + start, Int32(wanted[0]), last - start + 1) else { return false }
                    if memcmp(found, wanted.baseAddress!, wanted.count) == 0 { return true }
                    start = base.distance(to: found.assumingMemoryBound(to: UInt8.self)) + 1
                }
                return false
            }
        }
    }
}
