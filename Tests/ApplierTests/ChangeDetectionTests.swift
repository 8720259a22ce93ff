import Applier
import CapstanCore
import Testing

@Suite struct ChangeDetectionTests {
    let desired = ObjectDecoration(app: "shop").decorate(Fixtures.deployment("web", replicas: 2), namespaced: true)

    @Test func unchangedWhenHashMatchesAndServerOnlyAddedFields() {
        var live = desired
        live.setValue("uid-1", at: ["metadata", "uid"])
        live.setValue(["readyReplicas": 2], at: ["status"])
        #expect(ChangeDetection.isUnchanged(desired: desired, live: live))
    }

    @Test(arguments: [
        (["spec", "replicas"], JSONValue.int(5), [".spec.replicas"]),
        (["metadata", "labels", "capstan.dev/app"], JSONValue.string("other"), [".metadata.labels.capstan.dev/app"]),
        (["spec", "template"], JSONValue.null, [".spec.template"]),
    ] as [([String], JSONValue, [String])])
    func driftIsAChangedField(path: [String], value: JSONValue, expected: [String]) {
        var live = desired
        live.setValue(value, at: path)
        #expect(ChangeDetection.drift(desired: desired, live: live) == expected)
        #expect(!ChangeDetection.isUnchanged(desired: desired, live: live))
    }

    @Test func newRevisionAloneIsNoChange() {
        let old = ObjectDecoration(app: "shop", revision: "main@sha1:1").decorate(Fixtures.configMap("a"), namespaced: true)
        let new = ObjectDecoration(app: "shop", revision: "main@sha1:2").decorate(Fixtures.configMap("a"), namespaced: true)
        #expect(ChangeDetection.isUnchanged(desired: new, live: old))
    }

    @Test func changedWhenHashDiffers() {
        var live = desired
        live.setValue("sha256:old", at: ["metadata", "annotations", "capstan.dev/applied-hash"])
        #expect(!ChangeDetection.isUnchanged(desired: desired, live: live))
    }

    @Test func listItemsMayGainServerDefaults() {
        let wanted: JSONValue = ["containers": [["name": "app"]]]
        #expect(ChangeDetection.drift(desired: wanted, live: ["containers": [["name": "app", "imagePullPolicy": "Always"]]]).isEmpty)
        #expect(ChangeDetection.drift(desired: wanted, live: ["containers": [["name": "app"], ["name": "sidecar"]]]) == [".containers"])
    }

    @Test func integerQuantityEqualsItsString() {
        #expect(ChangeDetection.drift(desired: ["cpu": 1], live: ["cpu": "1"]).isEmpty)
    }
}
