extension RequestClient {
    /// The stage's current state: the latest event per key, oldest first (the CLI's `events`
    /// without `-f`; subscribers use `EventSubscriber`, which also follows what comes next).
    public func snapshot() async throws(RequestError) -> [Envelope] {
        let body = try await send(.snapshot)
        do {
            return try Snapshot(reply: Reply(ok: true, body: body), limits: limits).envelopes
        } catch {
            throw .malformedReply(endpoint: endpoint, reason: error.reason)
        }
    }
}
