import Applier
import CapstanCore
import Testing

@Suite struct ApplyPlanTests {
    @Test func foundationsFirstThenWavesInBundleOrder() {
        let bundle = [
            Fixtures.configMap("late", wave: "2"), Fixtures.deployment("web"), Fixtures.widget, Fixtures.namespace("shop"),
            Fixtures.configMap("early", wave: "-1"), Fixtures.crd, Fixtures.configMap("zero"),
        ]
        let phases = ApplyPlan(bundle).phases
        #expect(phases.map(\.name) == ["crds-and-namespaces", "wave -1", "wave 0", "wave 2"])
        #expect(phases.map { $0.objects.compactMap { ObjectIdentity(of: $0)?.name } } == [
            ["shop", "widgets.example.com"], ["early"], ["web", "gear", "zero"], ["late"],
        ])
    }

    @Test(arguments: [(JSONValue.string("3"), 3), (.int(-2), -2)] as [(JSONValue, Int)])
    func readsWave(value: JSONValue, wave: Int) {
        var object = Fixtures.configMap("a")
        object.setValue(value, at: ["metadata", "annotations", "capstan.dev/wave"])
        #expect(ApplyPlan.wave(of: object) == wave)
    }

    @Test func emptyBundleHasNoPhases() {
        #expect(ApplyPlan([]).phases.isEmpty)
    }
}
