import Foundation
import ZeroMQ

/// CURVE keys on disk, as `capstan keygen` writes them: `<name>.key` (the Z85 secret key, mode
/// 0600) and `<name>.pub` (the Z85 public key), one line each.
public enum KeyFiles {
    /// Writes `pair` as `<directory>/<name>.key` and `.pub`; never overwrites an existing file.
    /// Returns the two paths.
    @discardableResult
    public static func write(_ pair: CurveKeyPair, directory: String, name: String) throws(KeyFileError) -> (secret: String, public: String) {
        guard !name.isEmpty, !name.contains("/") else { throw KeyFileError(path: name, reason: "a key name must be a plain file name") }
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw KeyFileError(path: directory, reason: "cannot create the directory: \(error.localizedDescription)")
        }
        let base = (directory as NSString).appendingPathComponent(name)
        let secret = base + ".key", publicPath = base + ".pub"
        try create(secret, contents: pair.secretKey + "\n", mode: 0o600)
        try create(publicPath, contents: pair.publicKey + "\n", mode: 0o644)
        return (secret, publicPath)
    }

    /// Reads a secret key file and derives its public key.
    public static func readKeyPair(secretKeyPath path: String) throws(KeyFileError) -> CurveKeyPair {
        let secret = try readKey(path)
        do {
            return CurveKeyPair(publicKey: try CurveKeyPair.publicKey(forSecret: secret), secretKey: secret)
        } catch {
            throw KeyFileError(path: path, reason: "not a CURVE secret key: \(error)")
        }
    }

    /// Reads one Z85 key (public or secret) from a file.
    public static func readKey(_ path: String) throws(KeyFileError) -> String {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw KeyFileError(path: path, reason: "cannot read the key file")
        }
        let key = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard key.utf8.count == 40, Z85.decode(key)?.count == 32 else {
            throw KeyFileError(path: path, reason: "expected one 40-character Z85 key (see capstan keygen)")
        }
        return key
    }

    /// O_EXCL with the final mode, so a secret is never readable by others, even for a moment.
    private static func create(_ path: String, contents: String, mode: mode_t) throws(KeyFileError) {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL, mode)
        guard descriptor >= 0 else {
            let reason = errno == EEXIST ? "already exists; remove it or choose another --name" : String(cString: strerror(errno))
            throw KeyFileError(path: path, reason: reason)
        }
        defer { close(descriptor) }
        let bytes = Array(contents.utf8)
        guard Foundation.write(descriptor, bytes, bytes.count) == bytes.count, fchmod(descriptor, mode) == 0 else {
            throw KeyFileError(path: path, reason: String(cString: strerror(errno)))
        }
    }
}

/// A key file that could not be written or read, naming the file and what to do.
public struct KeyFileError: Error, Sendable, Equatable, CustomStringConvertible {
    public let path: String
    public let reason: String
    public init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }
    public var description: String { "\(path): \(reason)" }
}
