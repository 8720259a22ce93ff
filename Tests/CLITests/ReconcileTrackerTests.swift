import CLI
import CapstanCore
import Testing

@Suite struct ReconcileTrackerTests {
    let target = Contract.revision(Contract.commitB)

    @Test func readyAtTheTargetAfterProgressEndsTheWait() {
        let before = Contract.applierApp("web", commit: Contract.commitA, phase: "Ready")
        var tracker = ReconcileTracker(target: target, baseline: ["applier": before])
        #expect(!tracker.observe(stage: "applier", entry: before).isFinal)
        #expect(!tracker.observe(stage: "applier", entry: Contract.applierApp("web", commit: Contract.commitB, phase: "Progressing")).isFinal)
        #expect(tracker.observe(stage: "applier", entry: Contract.applierApp("web", commit: Contract.commitB, phase: "Ready", objects: 5))
            == .ready("Ready at main@bbbbbbb, 5 objects"))
    }

    @Test func anUnchangedReadyEntryCountsOnlyAfterTheGracePeriod() {
        let before = Contract.applierApp("web", commit: Contract.commitB, phase: "Ready")
        var tracker = ReconcileTracker(target: target, baseline: ["applier": before])
        #expect(!tracker.observe(stage: "applier", entry: before).isFinal)
        #expect(tracker.observe(stage: "applier", entry: before, graceOver: true).isFinal)
    }

    @Test func readyAtAnOlderRevisionKeepsWaiting() {
        var tracker = ReconcileTracker(target: target, baseline: [:])
        let verdict = tracker.observe(stage: "applier", entry: Contract.applierApp("web", commit: Contract.commitA, phase: "Ready"), graceOver: true)
        #expect(verdict == .waiting("applier Ready at main@aaaaaaa, waiting for main@bbbbbbb"))
    }

    @Test func aSuspendedAppEndsTheWaitAtAnyRevision() {
        var tracker = ReconcileTracker(target: target, baseline: [:])
        #expect(tracker.observe(stage: "applier", entry: Contract.applierApp("web", commit: Contract.commitA, phase: "Suspended"))
            == .failed("suspended: nothing is applied until `capstan resume`"))
    }

    @Test func progressShowsTheApplierAndARendererThatIsNotReady() {
        var tracker = ReconcileTracker(target: target, baseline: ["applier": Contract.applierApp("web", commit: Contract.commitA, phase: "Ready")])
        #expect(tracker.observe(stage: "renderer", entry: Contract.rendererApp("web", source: "site", commit: Contract.commitB, phase: "Rendering"))
            == .waiting("applier Ready at main@aaaaaaa, renderer Rendering at main@bbbbbbb, waiting for main@bbbbbbb"))
        #expect(tracker.observe(stage: "renderer", entry: Contract.rendererApp("web", source: "site", commit: Contract.commitB, phase: "Ready"))
            == .waiting("applier Ready at main@aaaaaaa, waiting for main@bbbbbbb"))
    }

    @Test func failuresOfTheApplierOrTheRendererAtTheTargetEndTheWait() {
        var tracker = ReconcileTracker(target: target, baseline: [:])
        #expect(tracker.observe(stage: "renderer", entry: Contract.rendererApp("web", source: "site", commit: Contract.commitB, phase: "Failed", error: "bad yaml"))
            == .failed("render failed at main@bbbbbbb: bad yaml"))
        #expect(tracker.observe(stage: "applier", entry: Contract.applierApp("web", commit: Contract.commitB, phase: "Failed", error: "denied"))
            == .failed("Failed at main@bbbbbbb: denied"))
        #expect(tracker.observe(stage: "renderer", entry: Contract.rendererApp("web", source: "site", commit: Contract.commitB, phase: "Ready")).isFinal == false)
    }
}
