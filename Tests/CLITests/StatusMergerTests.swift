import CLI
import CapstanCore
import Testing

@Suite struct StatusMergerTests {
    let apps = [AppConfig(name: "web", source: "site"), AppConfig(name: "db", source: "infra"), AppConfig(name: "new", source: "site")]

    @Test func applierEntryWinsAndRenderFailureBecomesTheAppsError() {
        let rows = StatusMerger(apps: apps).merge(
            renderer: [
                Contract.renderer(shard: "0/2", [Contract.rendererApp("web", source: "site", commit: Contract.commitB, phase: "Ready")]),
                Contract.renderer(shard: "1/2", [Contract.rendererApp("db", source: "infra", commit: Contract.commitB, phase: "Failed", error: "apps/db/x.yaml:3: bad")]),
            ],
            applier: [Contract.applier([
                Contract.applierApp("web", commit: Contract.commitB, phase: "Ready", objects: 4, drift: 2),
                Contract.applierApp("db", commit: Contract.commitA, phase: "Ready"),
            ])])
        #expect(rows.map(\.app) == ["web", "db", "new"])
        #expect(rows[0].phase == "Ready" && rows[0].objects == 4 && rows[0].driftCorrections == 2 && rows[0].error == nil)
        #expect(rows[0].revision == Contract.revision(Contract.commitB))
        #expect(rows[1].phase == "Failed")
        #expect(rows[1].error == "render: apps/db/x.yaml:3: bad")
        #expect(rows[1].revision == Contract.revision(Contract.commitB))
        #expect(rows[1].applier?["revision"]?.stringValue == Contract.revision(Contract.commitA))
        #expect(rows[2].phase == "Unknown" && rows[2].revision == nil)
    }

    @Test func rendererPhaseShowsUntilTheApplierReportsTheApp() {
        let rows = StatusMerger(apps: apps).merge(
            renderer: [Contract.renderer(shard: "0/1", [Contract.rendererApp("web", source: "site", commit: Contract.commitA, phase: "Rendering")])],
            applier: [])
        #expect(rows[0].phase == "Rendering")
        #expect(rows[0].objects == 3)
    }

    @Test func appsTheConfigLacksAreListedAfterTheConfiguredOnes() {
        let rows = StatusMerger(apps: [AppConfig(name: "web", source: "site")]).merge(
            renderer: [], applier: [Contract.applier([Contract.applierApp("zeta", commit: Contract.commitA, phase: "Ready"),
                                                      Contract.applierApp("alpha", commit: Contract.commitA, phase: "Failed", error: "denied")])])
        #expect(rows.map(\.app) == ["web", "alpha", "zeta"])
        #expect(rows[1].error == "denied")
    }

    @Test func tableShowsShortRevisionsAgesAndDashes() {
        let rows = StatusMerger(apps: apps).merge(renderer: [], applier: [Contract.applier([
            Contract.applierApp("web", commit: Contract.commitB, phase: "Ready", objects: 4, drift: 2, secondsAgo: 180),
        ])])
        let lines = StatusTable.table(rows).render(for: .plain)
        #expect(lines[0] == "APP   SOURCE REVISION     PHASE     OBJECTS   DRIFT   LAST ERROR   AGE")
        #expect(lines[1] == "web   site main@bbbbbbb   Ready     4         2       -            3m ago")
        #expect(lines[2] == "db    -                   Unknown   -         -       -            -")
    }

    @Test func mergedJSONKeepsBothStagesEntries() {
        let rows = StatusMerger(apps: apps).merge(
            renderer: [Contract.renderer(shard: "0/1", [Contract.rendererApp("web", source: "site", commit: Contract.commitB, phase: "Ready")])],
            applier: [Contract.applier([Contract.applierApp("web", commit: Contract.commitB, phase: "Ready")])])
        let json = rows[0].json
        #expect(json["phase"] == "Ready")
        #expect(json["renderer"]?["phase"] == "Ready")
        #expect(json["applier"]?["actions"]?["unchanged"] == 2)
        #expect(json["updatedAt"]?.stringValue != nil)
    }
}
