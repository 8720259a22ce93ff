import Logging
import ServiceLifecycle
import Testing

@testable import StageRuntime

@Suite struct ShutdownDrainTests {
    @Test(.timeLimit(.minutes(1)))
    func gracefulShutdownTurnsReadinessOffBeforeAnythingElseStops() async throws {
        let readiness = Readiness()
        let sink = CapturingSink()
        let drain = ShutdownDrain(readiness: readiness, logger: sink.logger())
        let group = ServiceGroup(configuration: .init(services: [drain], logger: sink.logger()))
        try await withThrowingTaskGroup(of: Void.self) { tasks in
            tasks.addTask { try await group.run() }
            #expect(readiness.report().isReady)
            await group.triggerGracefulShutdown()
            try await tasks.waitForAll()
        }
        #expect(readiness.report().text == "not ready\nshutdown: stopping\n")
        #expect(sink.written.contains { $0.contains("msg=\"shutting down\"") })
    }
}
