import CapstanCore
import Messaging
import ZeroMQ

/// A stage double at a seam the CLI owns: a real EventPublisher on 127.0.0.1 (ports chosen by
/// the kernel) whose requests a test scripts: STATUS answers, TRIGGER hooks, payloads for GET.
final class StubStage: RequestHandler {
    struct Script: Sendable {
        var status: JSONValue = [:]
        var payloads: [Digest: [UInt8]] = [:]
        var onTrigger: (@Sendable (String) -> Void)?
        /// Every request line received (STATUS included), in order.
        var received: [String] = []
    }

    let script: Locked<Script>
    let publisher: EventPublisher

    private init(script: Locked<Script>, publisher: EventPublisher) {
        self.script = script
        self.publisher = publisher
    }

    static func start(_ transport: Transport, status: JSONValue) async throws -> StubStage {
        let script = Locked(Script(status: status))
        let handler = Handler(script: script)
        let publisher = try await EventPublisher.start(transport: transport, settings: PublisherSettings(
            pub: "tcp://127.0.0.1:*", router: "tcp://127.0.0.1:*", requestHandler: handler, heartbeatInterval: .milliseconds(200)))
        return StubStage(script: script, publisher: publisher)
    }

    /// `{ pub: "…", router: "…" }` for the config's stages section.
    var flow: String { "{ pub: \"\(publisher.pubEndpoint)\", router: \"\(publisher.routerEndpoint)\" }" }
    var received: [String] { script.withLock { $0.received } }

    func setStatus(_ status: JSONValue) { script.withLock { $0.status = status } }
    func onTrigger(_ body: @escaping @Sendable (String) -> Void) { script.withLock { $0.onTrigger = body } }
    func serve(_ bytes: [UInt8]) -> Digest {
        let digest = Digest(of: bytes)
        script.withLock { $0.payloads[digest] = bytes }
        return digest
    }

    func stop() async { await publisher.stop() }

    /// What the publisher calls on its socket thread; records and answers from the script.
    struct Handler: RequestHandler {
        let script: Locked<Script>

        func status() -> JSONValue {
            script.withLock { $0.received.append("STATUS"); return $0.status }
        }

        func trigger(_ name: String) -> Result<JSONValue, RequestRefusal> {
            let hook = script.withLock { $0.received.append("TRIGGER \(name)"); return $0.onTrigger }
            hook?(name)
            return .success(["triggered": .string(name)])
        }

        var customVerbs: Set<String> { ["SUSPEND", "RESUME"] }

        func perform(_ verb: String, name: String) -> Result<JSONValue, RequestRefusal> {
            script.withLock { $0.received.append("\(verb) \(name)") }
            return name == "web" ? .success(["app": .string(name), "suspended": .bool(verb == "SUSPEND")]) : .failure(RequestRefusal("unknown app '\(name)'"))
        }

        func payload(for digest: Digest) -> (any PayloadSource)? {
            script.withLock { $0.payloads[digest] }.map(BytesPayload.init)
        }
    }
}
