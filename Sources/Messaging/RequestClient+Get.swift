import CapstanCore

extension RequestClient {
    /// Fetches the payload named `digest` in chunks, several in flight at once, and returns it
    /// only when its sha256 matches; otherwise throws `.digestMismatch` and returns nothing.
    /// A payload announced larger than `maxBytes` is refused before anything is allocated.
    public func get(_ digest: Digest, maxBytes: Int = 1 << 30, window: Int = 8) async throws(RequestError) -> [UInt8] {
        let first = try await fetchChunk(digest, offset: 0, length: limits.chunkBytes)
        return try await receive(digest, first: first, maxBytes: maxBytes, window: window)
    }

    /// The rest of `get(_:)` once the first chunk is in: the remaining chunks and the digest check.
    func receive(_ digest: Digest, first: (size: Int, bytes: [UInt8]), maxBytes: Int, window: Int) async throws(RequestError) -> [UInt8] {
        guard first.size <= maxBytes else {
            throw .malformedReply(endpoint: endpoint, reason: "payload of \(first.size) bytes is over the \(maxBytes)-byte limit")
        }
        var buffer = [UInt8](repeating: 0, count: first.size)
        buffer.replaceSubrange(0..<first.bytes.count, with: first.bytes)
        try await fetchRemaining(digest, after: first, window: window) { offset, bytes in
            buffer.replaceSubrange(offset..<offset + bytes.count, with: bytes)
        }
        let actual = Digest(of: buffer)
        guard actual == digest else { throw .digestMismatch(expected: digest, actual: actual) }
        return buffer
    }

    /// Fetches every chunk after `first`, `window` at a time, handing each to `accept` (on this
    /// task, in arrival order, which need not be offset order).
    func fetchRemaining(
        _ digest: Digest, after first: (size: Int, bytes: [UInt8]), window: Int,
        accept: (Int, [UInt8]) throws -> Void
    ) async throws(RequestError) {
        let chunk = limits.chunkBytes
        let offsets = Array(stride(from: first.bytes.count, to: first.size, by: chunk))
        do {
            try await withThrowingTaskGroup(of: (Int, (size: Int, bytes: [UInt8])).self) { group in
                var next = offsets.makeIterator()
                for _ in 0..<max(1, window) {
                    guard let offset = next.next() else { break }
                    group.addTask { (offset, try await self.fetchChunk(digest, offset: offset, length: chunk)) }
                }
                while let (offset, reply) = try await group.next() {
                    // fetchChunk checked the chunk against its own reply; a size that changed
                    // between replies would place bytes outside the payload.
                    guard reply.size == first.size else {
                        throw RequestError.malformedReply(endpoint: endpoint, reason: "payload size changed between chunks")
                    }
                    try accept(offset, reply.bytes)
                    if let offset = next.next() {
                        group.addTask { (offset, try await self.fetchChunk(digest, offset: offset, length: chunk)) }
                    }
                }
            }
        } catch let error as RequestError {
            throw error
        } catch {
            throw .storage(reason: "\(error)")
        }
    }

    /// One chunk and the total size the server announced.
    func fetchChunk(_ digest: Digest, offset: Int, length: Int, cancellable: Bool = false) async throws(RequestError) -> (size: Int, bytes: [UInt8]) {
        let body = try await send(.get(digest, offset: offset, length: length), policy: nil, cancellable: cancellable)
        guard body.count == 2, let meta = try? JSONValue.parse(body[0]),
              let size = meta["size"]?.intValue, size >= 0, meta["offset"]?.intValue == Int64(offset),
              body[1].count <= length, offset + body[1].count <= size,
              body[1].count == min(length, Int(size) - offset)
        else { throw .malformedReply(endpoint: endpoint, reason: "GET chunk at \(offset) does not match the request") }
        return (Int(size), body[1])
    }
}
