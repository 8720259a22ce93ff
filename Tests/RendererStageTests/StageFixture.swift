import CapstanCore
import CapstanTesting
import FetcherStage
import FetcherTesting
import Foundation
import Logging
import Messaging
import StageRuntime
import Synchronization

/// Polls `condition` every 20 ms until it holds or `seconds` pass.
func eventually(_ seconds: Double = 20, _ condition: () async throws -> Bool) async rethrows -> Bool {
    let deadline = Date().addingTimeInterval(seconds)
    while Date() < deadline {
        if try await condition() { return true }
        try? await Task.sleep(nanoseconds: 20_000_000)
    }
    return try await condition()
}

/// A git repository, an in-process fetcher serving it, and a `capstan-renderer run` process
/// reading from that fetcher, all on 127.0.0.1 free ports; `stop()` ends every part.
final class StageFixture: @unchecked Sendable {
    // @unchecked: `renderer` is replaced only by the test's own task; the rest is immutable or locked.
    let git: GitFixture
    let configPath: String
    let rendererPub: String, rendererRouter: String, fetcherPub: String, fetcherRouter: String
    let fetcherTask: Task<Void, Error>
    let transport: Transport
    let fetcher: RequestClient
    var renderer: ChildProcess?
    var client: RequestClient?
    var logs: [EventLog] = []

    /// Commits `files` first, then starts the fetcher (which fetches at once) and the renderer.
    init(files: [String: String], apps: String, startRenderer: Bool = true) async throws {
        git = try GitFixture()
        try git.commit("first", files: files)
        let ports = (0..<4).map { _ in FreePort.next() }
        rendererPub = "tcp://127.0.0.1:\(ports[2])"
        rendererRouter = "tcp://127.0.0.1:\(ports[3])"
        fetcherPub = "tcp://127.0.0.1:\(ports[0])"
        fetcherRouter = "tcp://127.0.0.1:\(ports[1])"
        let yaml = """
        sources:
          - name: site
            url: \(git.path)
            interval: 1h
        apps:
        \(apps)
        stages:
          fetcher: { pub: "tcp://127.0.0.1:\(ports[0])", router: "\(fetcherRouter)", data: \(git.root("fetcher")) }
          renderer: { pub: "\(rendererPub)", router: "\(rendererRouter)", data: \(git.root("renderer")), concurrency: 2 }
        """
        configPath = git.root("capstan.yaml")
        try yaml.write(toFile: configPath, atomically: true, encoding: .utf8)
        let config = try CapstanConfig.load(path: configPath)
        let service = FetcherService(config: config, shard: nil, concurrency: 2, logger: Logger(label: "fetcher"), readiness: Readiness())
        fetcherTask = Task { try await service.run() }
        transport = try await Transport.start()
        fetcher = try await RequestClient.start(transport: transport, upstream: Upstream(pub: "tcp://127.0.0.1:\(ports[0])", router: fetcherRouter))
        if startRenderer { try await self.startRenderer() }
    }

    /// Runs `body` with a started stack and stops every part afterwards, whether `body` threw or not.
    static func with(files: [String: String], apps: String, startRenderer: Bool = true,
                     _ body: (StageFixture) async throws -> Void) async throws {
        let stack = try await StageFixture(files: files, apps: apps, startRenderer: startRenderer)
        do {
            try await body(stack)
        } catch {
            await stack.stop()
            throw error
        }
        await stack.stop()
    }

    /// Starts (or restarts) the renderer process and a request client to it.
    func startRenderer() async throws {
        let http = FreePort.next()
        renderer = try ChildProcess(try ChildProcess.builtExecutable("capstan-renderer"),
                                    ["run", "--config", configPath, "--http", "127.0.0.1:\(http)"])
        _ = try await renderer?.line(containing: "publishing")
        if client == nil {
            client = try await RequestClient.start(transport: transport, upstream: Upstream(pub: rendererPub, router: rendererRouter))
        }
    }

    /// Kills the renderer without warning, as a crash or an OOM kill would.
    func killRenderer() async throws {
        renderer?.signal(SIGKILL)
        _ = try await renderer?.exitStatus(within: .seconds(10))
    }

    /// Commits and asks the fetcher to fetch now.
    func commit(_ message: String, files: [String: String] = [:]) async throws {
        try git.commit(message, files: files)
        _ = try await fetcher.trigger("site")
    }

    /// The renderer's STATUS entry for `app`.
    func status(of app: String) async -> JSONValue? {
        guard let status = try? await client?.status(), case .array(let apps)? = status["apps"] else { return nil }
        return apps.first { $0["app"] == .string(app) }
    }

    /// The renderer's total render count since it started.
    func renders() async -> Int64? {
        try? await client?.status()["renders"]?.intValue
    }

    /// A request client to the renderer (once one runs).
    func connect() async throws {
        if client == nil {
            client = try await RequestClient.start(transport: transport, upstream: Upstream(pub: rendererPub, router: rendererRouter))
        }
    }

    /// A subscriber to the renderer's events (snapshot first), collecting them.
    func subscribe() async throws -> EventLog {
        let subscriber = try await EventSubscriber.start(transport: transport, settings: SubscriberSettings(
            upstreams: [Upstream(pub: rendererPub, router: rendererRouter)], topics: ["bundle.", "status."]))
        let log = EventLog(subscriber: subscriber)
        logs.append(log)
        return log
    }

    func stop() async {
        for log in logs { await log.stop() }
        renderer?.stop()
        await client?.close()
        await fetcher.close()
        fetcherTask.cancel()
        _ = try? await fetcherTask.value
        await transport.shutdown()
        git.remove()
    }
}

/// Events a test subscriber received, in order.
final class EventLog: Sendable {
    private final class Buffer: Sendable {
        let events = Mutex<[Event]>([])
    }

    let subscriber: EventSubscriber
    private let buffer = Buffer()
    private let task: Task<Void, Never>

    init(subscriber: EventSubscriber) {
        self.subscriber = subscriber
        let buffer = self.buffer
        task = Task { for await event in subscriber.events { buffer.events.withLock { $0.append(event) } } }
    }

    var all: [Event] { buffer.events.withLock { $0 } }

    /// The last event on `topic` that satisfies `matching`, polled until `seconds` pass.
    func last(_ topic: String, within seconds: Double = 20, where matching: @Sendable (Event) -> Bool = { _ in true }) async -> Event? {
        var found: Event?
        _ = await eventually(seconds) {
            found = all.last { $0.topic == topic && matching($0) }
            return found != nil
        }
        return found
    }

    func stop() async {
        await subscriber.stop()
        task.cancel()
        _ = await task.value
    }
}
