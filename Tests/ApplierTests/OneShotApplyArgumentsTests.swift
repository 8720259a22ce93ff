import Applier
import CapstanCore
import Testing

/// The quick reading of `apply` takes only the simple spelling; the rest is left to ArgumentParser.
@Suite struct OneShotApplyArgumentsTests {
    @Test func readsThePlainSpelling() throws {
        let quick = try #require(OneShotApplyArguments([
            "apply", "--app", "web", "--kubeconfig", "kc", "--prune", "b.yaml", "--qps", "50", "--burst", "7",
            "--target-namespace", "ns", "--service-account", "ns/sa", "--timeout", "30s", "--wait",
        ]))
        #expect(quick.options.app == "web")
        #expect(quick.options.kubeconfig == "kc")
        #expect(quick.options.input == "b.yaml")
        #expect(quick.options.targetNamespace == "ns")
        #expect(quick.options.serviceAccount == "ns/sa")
        #expect(quick.options.qps == 50)
        #expect(quick.options.burst == 7)
        #expect(quick.timeout == .seconds(30))
        #expect(quick.prune && quick.wait)
        let defaults = try #require(OneShotApplyArguments(["apply", "--app", "web", "-"]))
        #expect(defaults.options.input == "-" && defaults.options.qps == 1000 && defaults.options.burst == 1000)
        #expect(defaults.timeout == .minutes(5) && !defaults.prune && !defaults.wait)
    }

    @Test(arguments: [
        ["diff", "--app", "web", "b.yaml"], ["apply", "b.yaml"], ["apply", "--app", "web"], ["apply", "--app=web", "b.yaml"],
        ["apply", "--app", "web", "--app", "x", "b.yaml"], ["apply", "--app", "web", "a.yaml", "b.yaml"],
        ["apply", "--app", "web", "--help", "b.yaml"], ["apply", "-h"], ["apply", "--app", "web", "--qps", "fast", "b.yaml"],
        ["apply", "--app", "web", "--timeout", "soon", "b.yaml"], ["apply", "--app", "web", "--burst", "-1", "b.yaml"],
        ["apply", "--app", "web", "--prune", "--prune", "b.yaml"], ["apply", "--app", "web", "--", "b.yaml"], ["apply", "--app"],
    ])
    func leavesEverythingElseToArgumentParser(_ arguments: [String]) {
        #expect(OneShotApplyArguments(arguments) == nil)
    }
}
