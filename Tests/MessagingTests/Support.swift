import CapstanCore
import Foundation
import Logging
@testable import Messaging
import Testing
import ZeroMQ

/// Consumes a subscriber's stream in the background so tests can wait for conditions with a deadline.
final class EventCollector: Sendable {
    private let received = Locked<[Event]>([])
    private let task: Task<Void, Never>

    init(_ subscriber: EventSubscriber) {
        let received = self.received
        task = Task { for await event in subscriber.events { received.withLock { $0.append(event) } } }
    }

    var events: [Event] { received.withLock { $0 } }
    var topics: [String] { events.map(\.topic) }

    deinit { task.cancel() }
}

/// Polls `condition` until it holds or `timeout` passes; the answer is its last value.
func eventually(timeout: Duration = .seconds(8), _ condition: () async throws -> Bool) async rethrows -> Bool {
    let deadline = ContinuousClock.now + timeout
    while ContinuousClock.now < deadline {
        if try await condition() { return true }
        try? await Task.sleep(for: .milliseconds(5))
    }
    return try await condition()
}

let quietLogger: Logger = {
    var logger = Logger(label: "capstan.messaging.tests")
    logger.logLevel = ProcessInfo.processInfo.environment["MESSAGING_TEST_LOG"] != nil ? .trace : .critical
    return logger
}()

/// Fast timers so failure paths finish within the suite's few seconds.
func fastSettings(_ upstreams: [Upstream], topics: [String] = []) -> SubscriberSettings {
    SubscriberSettings(upstreams: upstreams, topics: topics, heartbeatInterval: .milliseconds(100),
                       missedHeartbeats: 3, snapshotTimeout: .milliseconds(300))
}

func loopbackSettings(pub: String = "tcp://127.0.0.1:*", router: String = "tcp://127.0.0.1:*",
                      handler: any RequestHandler = NoRequests()) -> PublisherSettings {
    PublisherSettings(pub: pub, router: router, requestHandler: handler, heartbeatInterval: .milliseconds(100))
}

func makeTransport(_ security: TransportSecurity = .loopback) async throws -> Transport {
    try await Transport.start(security: security, logger: quietLogger)
}

extension EventPublisher {
    var upstream: Upstream { Upstream(pub: pubEndpoint, router: routerEndpoint) }
}

func event(_ topic: String, _ content: String) -> Event {
    Event(topic: topic, fields: ["digest": .string(Digest(of: Array(content.utf8)).description), "note": .string(content)])
}

/// A request handler serving fixed payloads and a status.
struct FixtureHandler: RequestHandler {
    var payloads: [Digest: any PayloadSource] = [:]
    func status() -> JSONValue { ["stage": "test"] }
    func payload(for digest: Digest) -> (any PayloadSource)? { payloads[digest] }
    func trigger(_ name: String) -> Result<JSONValue, RequestRefusal> {
        name == "known" ? .success(["triggered": .string(name)]) : .failure(RequestRefusal("unknown trigger '\(name)'"))
    }
    var customVerbs: Set<String> { ["PAUSE"] }
    func perform(_ verb: String, name: String) -> Result<JSONValue, RequestRefusal> {
        .success(["verb": .string(verb), "name": .string(name)])
    }
}
