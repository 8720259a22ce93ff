import CapstanCore
import ZeroMQ

/// Sends GET, TRIGGER, STATUS and SNAPSHOT to one stage's ROUTER with timeout and retry
/// (Lazy Pirate); several requests may be in flight at once.
public final class RequestClient: Sendable {
    public let endpoint: String
    public let policy: RetryPolicy
    let limits: MessageLimits
    private let loop: SocketLoop<RequestClientCore>

    private init(endpoint: String, policy: RetryPolicy, limits: MessageLimits, loop: SocketLoop<RequestClientCore>) {
        self.endpoint = endpoint
        self.policy = policy
        self.limits = limits
        self.loop = loop
    }

    /// Connects to `upstream.router` on the client's own thread.
    public static func start(transport: Transport, upstream: Upstream, policy: RetryPolicy = .default) async throws -> RequestClient {
        let loop = try await SocketLoop.start(context: transport.context, name: "client \(upstream.router)") {
            try RequestClientCore(transport: transport, upstream: upstream)
        }
        return RequestClient(endpoint: upstream.router, policy: policy, limits: transport.tuning.limits, loop: loop)
    }

    /// Sends `request` and returns the OK body; ERR becomes `RequestError.refused`.
    public func send(_ request: Request, policy: RetryPolicy? = nil) async throws(RequestError) -> [[UInt8]] {
        try await send(request, policy: policy, cancellable: false)
    }

    func send(_ request: Request, policy: RetryPolicy?, cancellable: Bool) async throws(RequestError) -> [[UInt8]] {
        let reply = try await exchange([Array(request.description.utf8)], policy: policy ?? self.policy, cancellable: cancellable)
        guard reply.ok else { throw .refused(endpoint: endpoint, reason: reply.reason) }
        return reply.body
    }

    /// The stage's STATUS.
    public func status() async throws(RequestError) -> JSONValue {
        try json(try await send(.status))
    }

    /// Asks the stage to act on `name` now.
    public func trigger(_ name: String) async throws(RequestError) -> JSONValue {
        try json(try await send(.trigger(name)))
    }

    /// Sends a stage-specific `<VERB> <name>` (e.g. `SUSPEND shop`) and returns its JSON answer.
    public func perform(_ verb: String, name: String) async throws(RequestError) -> JSONValue {
        try json(try await send(.custom(verb: verb, name: name)))
    }

    /// Closes the socket; pending requests fail with `.closed`.
    public func close() async {
        await loop.stop()
    }

    /// `cancellable`: a cancelled task stops waiting at once with `.cancelled` (the request itself
    /// runs on until its reply or timeout); otherwise the task waits for the outcome.
    func exchange(_ frames: [[UInt8]], policy: RetryPolicy, cancellable: Bool = false) async throws(RequestError) -> Reply {
        let result = cancellable ? await cancellableOutcome(frames, policy: policy) : await outcome(frames, policy: policy)
        do {
            return try Reply(frames: try result.get())
        } catch let error as MessageError {
            throw .malformedReply(endpoint: endpoint, reason: error.reason)
        } catch let error as RequestError {
            throw error
        } catch {
            throw .closed
        }
    }

    private func outcome(_ frames: [[UInt8]], policy: RetryPolicy) async -> PendingReply.Outcome {
        await withCheckedContinuation { (continuation: CheckedContinuation<PendingReply.Outcome, Never>) in
            let accepted = loop.perform { core in
                core.channel.send(frames, policy: policy) { continuation.resume(returning: $0) }
            }
            if !accepted { continuation.resume(returning: .failure(.closed)) }
        }
    }

    private func cancellableOutcome(_ frames: [[UInt8]], policy: RetryPolicy) async -> PendingReply.Outcome {
        let pending = PendingReply()
        return await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<PendingReply.Outcome, Never>) in
                guard pending.install(continuation) else { return }
                let accepted = loop.perform { core in
                    core.channel.send(frames, policy: policy) { pending.finish($0) }
                }
                if !accepted { pending.finish(.failure(.closed)) }
            }
        } onCancel: {
            pending.finish(.failure(.cancelled))
        }
    }

    private func json(_ body: [[UInt8]]) throws(RequestError) -> JSONValue {
        guard body.count == 1, let value = try? JSONValue.parse(body[0]) else {
            throw .malformedReply(endpoint: endpoint, reason: "expected one JSON frame")
        }
        return value
    }
}
