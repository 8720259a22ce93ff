import CapstanCore
import Fetcher
import FetcherStage
import FetcherTesting
import Foundation
import Logging
import Messaging
import StageRuntime
import Testing

@Suite struct FetcherServiceTests {
    @Test func daemonAnswersStatusTriggerAndGetOverMessaging() async throws {
        let fixture = try GitFixture()
        defer { fixture.remove() }
        try fixture.commit("first", files: ["app.yaml": "kind: ConfigMap\n"])
        let (pub, router) = (FreePort.next(), FreePort.next())
        let yaml = """
        sources:
          - name: site
            url: \(fixture.path)
            interval: 1h
        stages:
          fetcher: { pub: "tcp://127.0.0.1:\(pub)", router: "tcp://127.0.0.1:\(router)", data: \(fixture.root("data")) }
        """
        let config = try CapstanConfig.decode(yaml, file: "capstan.yaml")
        let service = FetcherService(config: config, shard: nil, concurrency: 2, logger: Logger(label: "test"), readiness: Readiness())
        let task = Task { try await service.run() }
        let transport = try await Transport.start()
        let client = try await RequestClient.start(transport: transport, upstream: Upstream(pub: "tcp://127.0.0.1:\(pub)", router: "tcp://127.0.0.1:\(router)"))
        var digest: Digest?
        let ready = await eventually {
            guard let status = try? await client.status(), case .array(let sources)? = status["sources"],
                  sources.first?["ready"] == .bool(true) else { return false }
            digest = sources.first?["digest"]?.stringValue.flatMap(Digest.init)
            return true
        }
        #expect(ready)
        let served = try await client.get(try #require(digest))
        #expect(Digest(of: served) == digest)
        #expect(try await client.trigger("site")["triggered"] == .string("site"))
        await #expect(throws: RequestError.self) { try await client.trigger("nope") }
        await client.close()
        task.cancel()
        _ = try? await task.value
        await transport.shutdown()
    }
}
