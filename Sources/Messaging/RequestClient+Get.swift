import CapstanCore

extension RequestClient {
    /// Fetches the payload named `digest` in chunks, several in flight at once, and returns it
    /// only when its sha256 matches; otherwise throws `.digestMismatch` and returns nothing.
    public func get(_ digest: Digest, window: Int = 8) async throws(RequestError) -> [UInt8] {
        let chunk = limits.chunkBytes
        let first = try await fetchChunk(digest, offset: 0, length: chunk)
        var buffer = [UInt8](repeating: 0, count: first.size)
        buffer.replaceSubrange(0..<first.bytes.count, with: first.bytes)
        let offsets = Array(stride(from: first.bytes.count, to: first.size, by: chunk))
        do {
            try await withThrowingTaskGroup(of: (Int, [UInt8]).self) { group in
                var next = offsets.makeIterator()
                for _ in 0..<window {
                    guard let offset = next.next() else { break }
                    group.addTask { (offset, try await self.fetchChunk(digest, offset: offset, length: chunk).bytes) }
                }
                while let (offset, bytes) = try await group.next() {
                    guard offset + bytes.count <= buffer.count else {
                        throw RequestError.malformedReply(endpoint: endpoint, reason: "chunk past the announced size")
                    }
                    buffer.replaceSubrange(offset..<offset + bytes.count, with: bytes)
                    if let offset = next.next() {
                        group.addTask { (offset, try await self.fetchChunk(digest, offset: offset, length: chunk).bytes) }
                    }
                }
            }
        } catch let error as RequestError {
            throw error
        } catch {
            throw .closed
        }
        let actual = Digest(of: buffer)
        guard actual == digest else { throw .digestMismatch(expected: digest, actual: actual) }
        return buffer
    }

    /// One chunk and the total size the server announced.
    private func fetchChunk(_ digest: Digest, offset: Int, length: Int) async throws(RequestError) -> (size: Int, bytes: [UInt8]) {
        let body = try await send(.get(digest, offset: offset, length: length))
        guard body.count == 2, let meta = try? JSONValue.parse(body[0]),
              let size = meta["size"]?.intValue, size >= 0, meta["offset"]?.intValue == Int64(offset),
              body[1].count <= length, offset + body[1].count <= size,
              body[1].count == min(length, Int(size) - offset)
        else { throw .malformedReply(endpoint: endpoint, reason: "GET chunk at \(offset) does not match the request") }
        return (Int(size), body[1])
    }
}
