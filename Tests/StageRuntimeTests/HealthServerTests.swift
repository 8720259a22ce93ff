import Hummingbird
import Logging
import Metrics
import ServiceLifecycle
import CapstanTesting
import Testing

@testable import StageRuntime

@Suite struct HealthServerTests {
    @Test(.timeLimit(.minutes(1)))
    func servesHealthReadinessMetricsAndStageRoutesOverRealHTTP() async throws {
        let registry = StageMetrics.bootstrap()
        let readiness = Readiness()
        readiness.register("snapshot", reason: "waiting for tcp://fetcher:7402")
        let sink = CapturingSink()
        let (bound, announce) = AsyncStream.makeStream(of: HTTPAddress.self)
        let server = HealthServer(
            address: .loopback(port: 0), readiness: readiness, registry: registry, logger: sink.logger(stage: "test"),
            routes: { router in router.post("hooks/:source") { _, context in "hook \(context.parameters.get("source") ?? "")\n" } },
            onListening: { announce.yield($0) }
        )
        let group = ServiceGroup(configuration: .init(services: [server], logger: sink.logger(stage: "test")))
        try await withThrowingTaskGroup(of: Void.self) { tasks in
            tasks.addTask { try await group.run() }
            var addresses = bound.makeAsyncIterator()
            let address = try #require(await addresses.next())
            try await checkEndpoints(port: address.port, readiness: readiness)
            await group.triggerGracefulShutdown()
            try await tasks.waitForAll()
        }
        #expect(sink.written.contains { $0.contains("msg=\"http listening\"") && $0.contains(" stage=test ") })
        #expect(sink.written.contains { $0.contains("msg=\"http stopped\"") })
    }

    private func checkEndpoints(port: Int, readiness: Readiness) async throws {
        let health = try await LoopbackHTTP.get(port: port, path: "/healthz")
        #expect(health.status == 200 && health.body == "ok\n")

        let notReady = try await LoopbackHTTP.get(port: port, path: "/readyz")
        #expect(notReady.status == 503)
        #expect(notReady.body == "not ready\nsnapshot: waiting for tcp://fetcher:7402\n")
        readiness.markReady("snapshot")
        let ready = try await LoopbackHTTP.get(port: port, path: "/readyz")
        #expect(ready.status == 200 && ready.body == "ready\n")

        Counter(label: "capstan_test_events_total", dimensions: [("stage", "test")]).increment(by: 3)
        let metrics = try await LoopbackHTTP.get(port: port, path: "/metrics")
        #expect(metrics.status == 200)
        #expect(metrics.body.contains("# TYPE capstan_test_events_total counter\n"))
        #expect(metrics.body.contains("capstan_test_events_total{stage=\"test\"} 3\n"))

        let hook = try await LoopbackHTTP.request("POST", port: port, path: "/hooks/platform", body: "{}")
        #expect(hook.status == 200 && hook.body == "hook platform\n")
        let missing = try await LoopbackHTTP.get(port: port, path: "/nope")
        #expect(missing.status == 404)
    }

    @Test(.timeLimit(.minutes(1)))
    func aTakenPortFailsWithAnErrorNamingTheAddressAndTheFix() async throws {
        let sink = CapturingSink()
        let (bound, announce) = AsyncStream.makeStream(of: HTTPAddress.self)
        let first = HealthServer(
            address: .loopback(port: 0), readiness: Readiness(), registry: StageMetrics.bootstrap(),
            logger: sink.logger(), onListening: { announce.yield($0) }
        )
        let group = ServiceGroup(configuration: .init(services: [first], logger: sink.logger()))
        try await withThrowingTaskGroup(of: Void.self) { tasks in
            tasks.addTask { try await group.run() }
            var addresses = bound.makeAsyncIterator()
            let taken = try #require(await addresses.next())
            let second = HealthServer(
                address: taken, readiness: Readiness(), registry: StageMetrics.bootstrap(), logger: sink.logger()
            )
            let error = await #expect(throws: HealthServerError.self) { try await second.run() }
            #expect(error?.description.hasPrefix("cannot listen on \(taken) for /healthz") == true)
            #expect(error?.description.hasSuffix("choose another with --http host:port") == true)
            await group.triggerGracefulShutdown()
            try await tasks.waitForAll()
        }
    }

    @Test func readinessReportsUnmetConditionsSortedAndIsReadyWhenAllAreMet() {
        let readiness = Readiness()
        #expect(readiness.report().isReady)
        readiness.register("upstream")
        readiness.register("config", reason: "loading")
        #expect(readiness.report().text == "not ready\nconfig: loading\nupstream: starting\n")
        readiness.markReady("config")
        readiness.markReady("upstream")
        #expect(readiness.report() == ReadinessReport(unmet: []))
        readiness.markNotReady("upstream", reason: "heartbeat lost")
        #expect(readiness.report().text == "not ready\nupstream: heartbeat lost\n")
    }
}
