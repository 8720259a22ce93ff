import Testing

@Suite struct SuspendCommandTests {
    @Test func suspendAndResumeReachTheApplierRouter() async throws {
        let stages = try await StubPipeline()
        let suspended = try await stages.capstan(["suspend", "web"])
        let resumed = try await stages.capstan(["resume", "web"])
        let unknown = try await stages.capstan(["suspend", "nope"])
        let received = stages.applier.received
        await stages.stop()
        #expect(suspended.status == 0 && suspended.stdout == "web: suspended\n", "\(suspended.stderr)")
        #expect(resumed.status == 0 && resumed.stdout == "web: resumed\n")
        #expect(received == ["SUSPEND web", "RESUME web"])
        #expect(unknown.status == 1 && unknown.stderr.contains("no app 'nope'"))
    }

    @Test func aRefusalFromTheApplierIsShownWithItsReason() async throws {
        let stages = try await StubPipeline()
        // `db` is configured, but the stub applier owns only `web`, like an applier of another shard.
        let run = try await stages.capstan(["suspend", "db"])
        await stages.stop()
        #expect(run.status == 1)
        #expect(run.stderr.contains("unknown app 'db'"))
    }
}
