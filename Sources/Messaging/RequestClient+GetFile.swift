import CapstanCore
import Crypto
import Foundation

extension RequestClient {
    /// Streams the payload named `digest` into the file at `path`, hashing chunks in offset order
    /// as they arrive (at most `window` held out of order). It writes `<path>.partial` and renames
    /// it to `path` only when the sha256 matches; otherwise the partial file is removed and
    /// `.digestMismatch` thrown.
    public func get(_ digest: CapstanCore.Digest, to path: String, maxBytes: Int = 1 << 34, window: Int = 8) async throws(RequestError) {
        let first = try await fetchChunk(digest, offset: 0, length: limits.chunkBytes)
        try await receive(digest, first: first, to: path, maxBytes: maxBytes, window: window)
    }

    /// The rest of `get(_:to:)` once the first chunk is in: the remaining chunks, the digest check, the rename.
    func receive(_ digest: CapstanCore.Digest, first: (size: Int, bytes: [UInt8]), to path: String,
                 maxBytes: Int, window: Int) async throws(RequestError) {
        guard first.size <= maxBytes else {
            throw .malformedReply(endpoint: endpoint, reason: "payload of \(first.size) bytes is over the \(maxBytes)-byte limit")
        }
        let partial = path + ".partial"
        guard FileManager.default.createFile(atPath: partial, contents: nil), let handle = FileHandle(forWritingAtPath: partial) else {
            throw .storage(reason: "cannot create \(partial)")
        }
        var sink = OrderedSink(handle: handle)
        do {
            try sink.accept(offset: 0, bytes: first.bytes)
            try await fetchRemaining(digest, after: first, window: window) { offset, bytes in
                try sink.accept(offset: offset, bytes: bytes)
            }
            try handle.close()
        } catch {
            try? handle.close()
            try? FileManager.default.removeItem(atPath: partial)
            throw error as? RequestError ?? .storage(reason: "\(partial): \(error)")
        }
        let actual = CapstanCore.Digest(finalizing: sink.hasher)
        guard sink.written == first.size, actual == digest else {
            try? FileManager.default.removeItem(atPath: partial)
            throw .digestMismatch(expected: digest, actual: actual)
        }
        do {
            if FileManager.default.fileExists(atPath: path) { try FileManager.default.removeItem(atPath: path) }
            try FileManager.default.moveItem(atPath: partial, toPath: path)
        } catch {
            try? FileManager.default.removeItem(atPath: partial)
            throw .storage(reason: "\(path): \(error)")
        }
    }
}

/// Writes and hashes chunks in offset order, holding early arrivals until the gap before them fills.
private struct OrderedSink {
    let handle: FileHandle
    var hasher = SHA256()
    var written = 0
    var early: [Int: [UInt8]] = [:]

    init(handle: FileHandle) { self.handle = handle }

    mutating func accept(offset: Int, bytes: [UInt8]) throws {
        early[offset] = bytes
        while let next = early.removeValue(forKey: written) {
            guard !next.isEmpty else { break }
            hasher.update(data: next)
            try handle.write(contentsOf: next)
            written += next.count
        }
    }
}
