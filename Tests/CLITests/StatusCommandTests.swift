import CapstanCore
import FetcherTesting
import Foundation
import Testing

/// `capstan status` as a process against stub stages on real ZeroMQ sockets.
@Suite struct StatusCommandTests {
    @Test func mergesBothRendererShardsAndTheApplierIntoOneTable() async throws {
        let stages = try await StubPipeline(renderers: 2)
        stages.renderers[0].setStatus(Contract.renderer(shard: "0/2", [Contract.rendererApp("web", source: "site", commit: Contract.commitB, phase: "Ready")]))
        stages.renderers[1].setStatus(Contract.renderer(shard: "1/2", [
            Contract.rendererApp("db", source: "infra", commit: Contract.commitB, phase: "Failed", error: "apps/db/x.yaml:3: mapping values are not allowed"),
        ]))
        stages.applier.setStatus(Contract.applier([
            Contract.applierApp("web", commit: Contract.commitB, phase: "Ready", objects: 4, drift: 2),
            Contract.applierApp("db", commit: Contract.commitA, phase: "Ready"),
        ]))
        let run = try await stages.capstan(["status"])
        await stages.stop()
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.lines.count == 3)
        #expect(run.lines[0].hasPrefix("APP   SOURCE REVISION      PHASE"))
        #expect(run.lines[1].hasPrefix("web   site main@bbbbbbb    Ready    4         2       -"))
        #expect(run.lines[2].hasPrefix("db    infra main@bbbbbbb   Failed   3         0       render: apps/db/x.yaml:3: mapping values are not allowed"))
        #expect(!run.stdout.contains("\u{1B}["), "no colour on a pipe")
    }

    @Test func jsonOutputCarriesTheMergedEntries() async throws {
        let stages = try await StubPipeline()
        stages.applier.setStatus(Contract.applier([Contract.applierApp("web", commit: Contract.commitB, phase: "Progressing")]))
        let run = try await stages.capstan(["status", "-o", "json"])
        await stages.stop()
        #expect(run.status == 0, "\(run.stderr)")
        let json = try JSONValue.parse(run.stdout)
        #expect(json["apps"]?.arrayValue?.count == 2)
        #expect(json["apps"]?.arrayValue?.first?["phase"] == "Progressing")
        #expect(json["apps"]?.arrayValue?.first?["applier"]?["actions"]?["created"] == 1)
        #expect(json["unreachable"] == .array([]))
    }

    @Test func anUnreachableApplierIsNamedAndTheRendererStillShows() async throws {
        let dead = FreePort.next()
        let stages = try await StubPipeline(deadApplier: dead)
        stages.renderers[0].setStatus(Contract.renderer(shard: "0/1", [
            Contract.rendererApp("web", source: "site", commit: Contract.commitB, phase: "Failed", error: "bad overlay"),
        ]))
        let run = try await stages.capstan(["status"])
        await stages.stop()
        #expect(run.status == 3)
        #expect(run.stderr.contains("applier at tcp://127.0.0.1:\(dead) did not answer"))
        #expect(run.lines.contains { $0.hasPrefix("web") && $0.contains("Failed") && $0.contains("render: bad overlay") })
    }

    @Test func applierShardsNamedWithEndpointAreMerged() async throws {
        let stages = try await StubPipeline()
        let second = try await StubStage.start(stages.transport, status: Contract.applier([Contract.applierApp("db", commit: Contract.commitA, phase: "Failed", error: "denied")]))
        stages.applier.setStatus(Contract.applier([Contract.applierApp("web", commit: Contract.commitB, phase: "Ready")]))
        let run = try await stages.capstan(["status",
            "--endpoint", "applier=\(stages.applier.publisher.pubEndpoint),\(stages.applier.publisher.routerEndpoint)",
            "--endpoint", "applier=\(second.publisher.pubEndpoint),\(second.publisher.routerEndpoint)"])
        await second.stop()
        await stages.stop()
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.lines[1].hasPrefix("web") && run.lines[1].contains("Ready"))
        #expect(run.lines[2].hasPrefix("db") && run.lines[2].contains("Failed") && run.lines[2].contains("denied"))
    }

    @Test func aMissingConfigIsOneClearError() async throws {
        let run = try await CommandRun.capstan(["status", "--config", "/nonexistent/capstan.yaml"])
        #expect(run.status == 1)
        #expect(run.stderr.hasPrefix("capstan: /nonexistent/capstan.yaml"))
    }
}
