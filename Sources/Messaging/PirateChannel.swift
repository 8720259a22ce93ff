import ZeroMQ

/// A DEALER to one ROUTER following the Guide's Lazy Pirate pattern: each request has an id and
/// a deadline; on a timeout the socket is closed and reopened and every pending request resent,
/// until a request runs out of attempts. Lives on its loop's thread.
final class PirateChannel {
    typealias Completion = (Result<[[UInt8]], RequestError>) -> Void

    private struct Pending {
        var frames: [[UInt8]]
        var deadline: ContinuousClock.Instant
        var attempt: Int
        var policy: RetryPolicy
        var completion: Completion
    }

    let endpoint: String
    private let serverKey: String?
    private let transport: Transport
    private(set) var socket: Socket
    private var pending: [String: Pending] = [:]
    private var nextID: UInt64 = 0
    private let clock = ContinuousClock()

    init(transport: Transport, endpoint: String, serverKey: String?) throws {
        self.transport = transport
        self.endpoint = endpoint
        self.serverKey = serverKey
        socket = try transport.connectSocket(.dealer, to: endpoint, serverKey: serverKey)
    }

    /// Sends `request`; `completion` gets the reply frames after the id (`[OK|ERR][body…]`).
    func send(_ request: [[UInt8]], policy: RetryPolicy, completion: @escaping Completion) {
        guard !socket.isClosed else { return completion(.failure(.closed)) }
        nextID += 1
        let id = String(nextID)
        pending[id] = Pending(frames: request, deadline: clock.now + policy.timeout, attempt: 1, policy: policy, completion: completion)
        // A full queue (EAGAIN) is left to the deadline: the retry goes out on a fresh socket.
        try? socket.send([Array(id.utf8)] + request, wait: false)
    }

    /// Reads every queued reply and completes its request; replies to unknown ids (answers to
    /// attempts already given up) are dropped.
    func receiveReplies() {
        while let frames = try? socket.receive(wait: false) {
            guard let first = frames.first, let entry = pending.removeValue(forKey: String(decoding: first, as: UTF8.self)) else {
                continue
            }
            entry.completion(.success(Array(frames.dropFirst())))
        }
    }

    /// The earliest deadline of a pending request.
    func nextDeadline() -> ContinuousClock.Instant? { pending.values.map(\.deadline).min() }

    /// Fails requests out of attempts; reopens the socket and resends the rest when any expired.
    func expire(now: ContinuousClock.Instant) {
        let expired = pending.filter { $0.value.deadline <= now }
        guard !expired.isEmpty else { return }
        for (id, entry) in expired where entry.attempt >= entry.policy.attempts {
            pending[id] = nil
            entry.completion(.failure(.timeout(endpoint: endpoint, attempts: entry.attempt)))
        }
        guard !pending.isEmpty else { return }
        reopen()
        for id in pending.keys {
            if pending[id]!.deadline <= now { pending[id]!.attempt += 1 }
            pending[id]!.deadline = now + pending[id]!.policy.timeout
            try? socket.send([Array(id.utf8)] + pending[id]!.frames, wait: false)
        }
    }

    /// Closes the socket and opens a new one; the new identity makes the server forget the old requests.
    private func reopen() {
        socket.close()
        if let fresh = try? transport.connectSocket(.dealer, to: endpoint, serverKey: serverKey) {
            socket = fresh
        }
    }

    /// Fails everything pending and closes the socket.
    func close() {
        let entries = pending.values
        pending = [:]
        for entry in entries { entry.completion(.failure(.closed)) }
        socket.close()
    }
}
