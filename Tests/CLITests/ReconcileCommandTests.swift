import CapstanCore
import Foundation
import Messaging
import Testing

/// `capstan reconcile` against stub stages that act on TRIGGER the way the real ones do.
@Suite struct ReconcileCommandTests {
    /// A fetcher whose TRIGGER fetches commit B, and an applier reporting web Ready at commit A.
    func pipeline() async throws -> StubPipeline {
        let stages = try await StubPipeline()
        let fetcher = stages.fetcher
        fetcher.setStatus(["stage": "fetcher", "sources": [Contract.fetcherSource("site", commit: Contract.commitA, lastFetch: Date().addingTimeInterval(-60))]])
        fetcher.onTrigger { _ in
            fetcher.setStatus(["stage": "fetcher", "sources": [Contract.fetcherSource("site", commit: Contract.commitB, lastFetch: Date())]])
        }
        stages.applier.setStatus(Contract.applier([Contract.applierApp("web", commit: Contract.commitA, phase: "Ready")]))
        return stages
    }

    func publishStatus(_ stage: StubStage, _ entry: JSONValue, stageName: String) {
        var fields = entry.objectValue ?? [:]
        fields["stage"] = .string(stageName)
        stage.publisher.publish(Event(topic: "status.web", fields: fields))
    }

    @Test func followsTheAppToReadyAtTheNewestRevision() async throws {
        let stages = try await pipeline()
        let applier = stages.applier
        applier.onTrigger { _ in
            publishStatus(applier, Contract.applierApp("web", commit: Contract.commitB, phase: "Progressing", secondsAgo: 0), stageName: "applier")
            let ready = Contract.applierApp("web", commit: Contract.commitB, phase: "Ready", objects: 5, secondsAgo: 0)
            applier.setStatus(Contract.applier([ready]))
            publishStatus(applier, ready, stageName: "applier")
        }
        let run = try await stages.capstan(["reconcile", "web", "--timeout", "20s"])
        let received = (stages.fetcher.received, stages.renderers[0].received, applier.received)
        await stages.stop()
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        #expect(run.lines.last == "web: Ready at main@bbbbbbb, 5 objects")
        #expect(run.lines.first?.hasSuffix("fetching site") == true)
        #expect(received.0.contains("TRIGGER site"))
        #expect(received.1.contains("TRIGGER web"))
        #expect(received.2.contains("TRIGGER web"))
    }

    @Test func exitsOneWhenTheNewestRevisionFailsToRender() async throws {
        let stages = try await pipeline()
        let renderer = stages.renderers[0]
        renderer.onTrigger { _ in
            let failed = Contract.rendererApp("web", source: "site", commit: Contract.commitB, phase: "Failed", error: "apps/web/kustomization.yaml:4: resource 'missing.yaml' not found")
            renderer.setStatus(Contract.renderer(shard: "0/1", [failed]))
            publishStatus(renderer, failed, stageName: "renderer")
        }
        let run = try await stages.capstan(["reconcile", "web", "--timeout", "20s"])
        await stages.stop()
        #expect(run.status == 1, "\(run.stdout)\(run.stderr)")
        #expect(run.lines.last == "web: render failed at main@bbbbbbb: apps/web/kustomization.yaml:4: resource 'missing.yaml' not found")
    }

    @Test func waitsForTheTriggeredReconcileEvenWhenAlreadyReadyAtTheNewestRevision() async throws {
        let stages = try await pipeline()
        let applier = stages.applier
        let ready = Contract.applierApp("web", commit: Contract.commitB, phase: "Ready")
        applier.setStatus(Contract.applier([ready]))
        publishStatus(applier, ready, stageName: "applier")
        applier.onTrigger { _ in
            publishStatus(applier, Contract.applierApp("web", commit: Contract.commitB, phase: "Progressing", secondsAgo: 0), stageName: "applier")
            let failed = Contract.applierApp("web", commit: Contract.commitB, phase: "Failed", error: "Deployment/shop/web: forbidden", secondsAgo: 0)
            applier.setStatus(Contract.applier([failed]))
            publishStatus(applier, failed, stageName: "applier")
        }
        let run = try await stages.capstan(["reconcile", "web", "--timeout", "20s"])
        await stages.stop()
        #expect(run.status == 1, "the Ready from before the trigger must not end the wait: \(run.stdout)\(run.stderr)")
        #expect(run.lines.last == "web: Failed at main@bbbbbbb: Deployment/shop/web: forbidden")
    }

    @Test func exitsTwoWhenNothingHappensBeforeTheTimeout() async throws {
        let stages = try await pipeline()
        let run = try await stages.capstan(["reconcile", "web", "--timeout", "2s"])
        await stages.stop()
        #expect(run.status == 2, "\(run.stdout)\(run.stderr)")
        #expect(run.stdout.contains("web: applier Ready at main@aaaaaaa, waiting for main@bbbbbbb"))
        #expect(run.lines.last == "web: timed out waiting for Ready or Failed")
    }

    @Test func anUnreachableFetcherIsNamedAndExitsThree() async throws {
        let stages = try await pipeline()
        await stages.fetcher.stop()
        let run = try await stages.capstan(["reconcile", "web", "--timeout", "5s"])
        await stages.stop()
        #expect(run.status == 3)
        #expect(run.stderr.contains("fetcher at tcp://127.0.0.1:"))
    }
}
