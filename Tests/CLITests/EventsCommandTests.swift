import CapstanCore
import CapstanTesting
import Foundation
import Messaging
import Testing

@Suite struct EventsCommandTests {
    func publishSome(_ stages: StubPipeline) {
        stages.fetcher.publisher.publish(Event(topic: "revision.site", fields: [
            "source": "site", "revision": .string(Contract.revision(Contract.commitA)),
            "digest": .string("sha256:" + String(repeating: "e", count: 64)), "files": 2, "commit": ["subject": "first"],
        ]))
        stages.renderers[0].publisher.publish(Event(topic: "bundle.web", fields: [
            "app": "web", "revision": .string(Contract.revision(Contract.commitA)), "digest": .string("sha256:" + String(repeating: "d", count: 64)), "objects": 3,
        ]))
        var status = Contract.applierApp("web", commit: Contract.commitA, phase: "Ready").objectValue ?? [:]
        status["stage"] = "applier"
        stages.applier.publisher.publish(Event(topic: "status.web", fields: status))
    }

    @Test func withoutFollowPrintsEveryStagesCurrentEventsAndExits() async throws {
        let stages = try await StubPipeline()
        publishSome(stages)
        var run = try await stages.capstan(["events"])
        // The publishers take events on their own threads; a snapshot may come before them.
        let deadline = ContinuousClock.now + .seconds(5)
        while run.lines.count < 3, ContinuousClock.now < deadline { run = try await stages.capstan(["events"]) }
        await stages.stop()
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.lines.count == 3)
        #expect(run.lines[0].contains("fetcher   revision.site") && run.lines[0].hasSuffix("revision=main@aaaaaaa artifact=sha256:eeeeeeeeeeee files=2 \"first\""))
        #expect(run.lines[1].contains("renderer  bundle.web") && run.lines[1].hasSuffix("revision=main@aaaaaaa bundle=sha256:dddddddddddd objects=3"))
        #expect(run.lines[2].contains("applier   status.web") && run.lines[2].hasSuffix("phase=Ready revision=main@aaaaaaa objects=3"))
    }

    @Test func followPrintsNewEventsAsTheyArrive() async throws {
        let stages = try await StubPipeline()
        let process = try ChildProcess(try ChildProcess.builtExecutable("capstan"), ["events", "-f", "--config", stages.configPath])
        defer { process.stop() }
        // Keep publishing until the follower, which connects in the background, shows one.
        let deadline = ContinuousClock.now + .seconds(10)
        var seq = 0
        while !process.lines.contains(where: { $0.contains("status.web") }), ContinuousClock.now < deadline {
            seq += 1
            stages.applier.publisher.publish(Event(topic: "status.web", fields: ["stage": "applier", "phase": "Progressing", "objects": .int(Int64(seq))]))
            try await Task.sleep(for: .milliseconds(100))
        }
        let line = try await process.line(containing: "status.web", within: .seconds(1))
        process.stop()
        await stages.stop()
        #expect(line.contains("applier   status.web               phase=Progressing"))
    }
}
