import CapstanCore

extension RequestClient {
    /// Streams the payload named `digest` into `path` from whichever of `clients` has it first: the
    /// first chunk is asked of every instance at once and the rest of the first to answer with it,
    /// so an instance that is down or slow costs nothing while another one serves the payload (its
    /// request is cancelled once another has answered). Returns the client that
    /// served it; throws `.unavailable` with every instance's reason when none did.
    @discardableResult
    public static func get(_ digest: CapstanCore.Digest, to path: String, fromFirstOf clients: [RequestClient],
                           maxBytes: Int = 1 << 34, window: Int = 8) async throws(RequestError) -> RequestClient {
        let (client, first) = try await firstChunk(digest, from: clients)
        try await client.receive(digest, first: first, to: path, maxBytes: maxBytes, window: window)
        return client
    }

    /// `get(_:to:fromFirstOf:)` into memory: the payload from the first of `clients` to answer with it.
    public static func get(_ digest: CapstanCore.Digest, fromFirstOf clients: [RequestClient],
                           maxBytes: Int = 1 << 30, window: Int = 8) async throws(RequestError) -> [UInt8] {
        let (client, first) = try await firstChunk(digest, from: clients)
        return try await client.receive(digest, first: first, maxBytes: maxBytes, window: window)
    }

    /// The first chunk of `digest` from the first of `clients` to answer with one; a refusal or
    /// timeout from one instance only waits for the others, and once one has answered the
    /// requests still pending elsewhere are cancelled (their replies, if any, are dropped).
    static func firstChunk(_ digest: CapstanCore.Digest, from clients: [RequestClient]) async throws(RequestError)
        -> (RequestClient, (size: Int, bytes: [UInt8])) {
        typealias Answer = (index: Int, chunk: (size: Int, bytes: [UInt8])?, failure: String?)
        let winner = await withTaskGroup(of: Answer.self) { group -> (Answer?, [String]) in
            for (index, client) in clients.enumerated() {
                group.addTask {
                    do {
                        return (index, try await client.fetchChunk(digest, offset: 0, length: client.limits.chunkBytes, cancellable: true), nil)
                    } catch {
                        let text = "\(error)"
                        return (index, nil, text.hasPrefix(client.endpoint) ? text : "\(client.endpoint): \(text)")
                    }
                }
            }
            var failures: [String] = []
            for await answer in group {
                if answer.chunk != nil {
                    group.cancelAll()
                    return (answer, failures)
                }
                failures.append(answer.failure ?? "")
            }
            return (nil, failures)
        }
        guard let answer = winner.0, let chunk = answer.chunk else {
            throw .unavailable(digest: digest, reasons: winner.1.isEmpty ? ["no instance is configured"] : winner.1)
        }
        return (clients[answer.index], chunk)
    }
}
