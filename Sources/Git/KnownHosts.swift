import Crypto
import Foundation

/// The host keys an OpenSSH `known_hosts` file trusts, checked against the key a server presents.
struct KnownHosts {
    struct Entry {
        let patterns: [Substring]
        let key: [UInt8]
    }

    let entries: [Entry]

    /// Reads `path`; plain and hashed (`|1|salt|hash`) host patterns, `@revoked` lines never trusted.
    init(path: String) throws(GitError) {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw GitError(function: "known_hosts", message: "cannot read \(path); SSH needs a known_hosts file to check the server's host key", kind: .certificate)
        }
        entries = text.split(whereSeparator: \.isNewline).compactMap(KnownHosts.entry)
    }

    private static func entry(_ line: Substring) -> Entry? {
        let fields = line.split(separator: " ", omittingEmptySubsequences: true)
        guard fields.count >= 3, !fields[0].hasPrefix("#"), !fields[0].hasPrefix("@"),
              let key = Data(base64Encoded: String(fields[2])) else { return nil }
        return Entry(patterns: fields[0].split(separator: ","), key: Array(key))
    }

    /// True when some line names `host` (or `[host]:port`) with exactly `key`.
    func trusts(host: String, port: Int, key: [UInt8]) -> Bool {
        let names = port == 22 ? [host, "[\(host)]:22"] : ["[\(host)]:\(port)"]
        return entries.contains { entry in
            entry.key == key && entry.patterns.contains { pattern in names.contains { KnownHosts.matches(pattern, $0) } }
        }
    }

    /// True when some line names the host at all, to tell "changed key" from "unknown host".
    func knows(host: String, port: Int) -> Bool {
        let names = port == 22 ? [host, "[\(host)]:22"] : ["[\(host)]:\(port)"]
        return entries.contains { entry in entry.patterns.contains { pattern in names.contains { KnownHosts.matches(pattern, $0) } } }
    }

    private static func matches(_ pattern: Substring, _ name: String) -> Bool {
        guard pattern.hasPrefix("|1|") else { return pattern == name }
        let parts = pattern.split(separator: "|")
        guard parts.count == 3, let salt = Data(base64Encoded: String(parts[1])),
              let hash = Data(base64Encoded: String(parts[2])) else { return false }
        let mac = HMAC<Insecure.SHA1>.authenticationCode(for: Data(name.utf8), using: SymmetricKey(data: salt))
        return Data(mac) == hash
    }
}
