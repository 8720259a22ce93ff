import Applier
import CapstanCore
import Testing

@Suite struct PruneAndOwnershipTests {
    static func ref(_ kind: String, _ name: String, apiVersion: String = "v1", namespace: String = "shop") -> ObjectReference {
        ObjectReference(apiVersion: apiVersion, kind: kind, namespace: namespace, name: name)
    }

    let previous = Inventory(app: "shop", objects: [
        Self.ref("ConfigMap", "keep"), Self.ref("ConfigMap", "gone"), Self.ref("ConfigMap", "shared"), Self.ref("Namespace", "old", namespace: ""),
        Self.ref("CustomResourceDefinition", "w.example.com", apiVersion: "apiextensions.k8s.io/v1", namespace: ""),
    ])

    @Test func prunesPreviousMinusDesiredMinusForeignInReverseOrder() {
        let candidates = PrunePlan.candidates(
            previous: previous, desired: [Self.ref("ConfigMap", "keep").identity],
            claimedByOthers: [Self.ref("ConfigMap", "shared").identity], allApplied: true)
        #expect(candidates.map(\.name) == ["gone", "w.example.com", "old"])
    }

    @Test func prunesNothingAfterFailureOrWithoutInventory() {
        #expect(PrunePlan.candidates(previous: previous, desired: [], claimedByOthers: [], allApplied: false).isEmpty)
        #expect(PrunePlan.candidates(previous: nil, desired: [], claimedByOthers: [], allApplied: true).isEmpty)
    }

    @Test(arguments: [("disabled", false), ("enabled", true), (nil, true)] as [(String?, Bool)])
    func honoursPruneDisabled(annotation: String?, mayDelete: Bool) {
        var live = Fixtures.configMap("a")
        if let annotation { live.setValue(.string(annotation), at: ["metadata", "annotations", "capstan.dev/prune"]) }
        #expect(PrunePlan.mayDelete(live: live) == mayDelete)
    }

    @Test func namesBothAppsInConflicts() {
        let other = Inventory(app: "billing", objects: [Self.ref("ConfigMap", "shared")])
        let conflicts = OwnershipCheck.conflicts(app: "shop", desired: [Self.ref("ConfigMap", "shared").identity, Self.ref("ConfigMap", "mine").identity], otherInventories: [other])
        #expect(conflicts.map(\.description) == ["ConfigMap/shop/shared is managed by app billing; app shop may not apply it (remove it from one of the two apps)"])
        var live = Fixtures.configMap("x")
        live.setValue("billing", at: ["metadata", "labels", "capstan.dev/app"])
        #expect(OwnershipCheck.conflict(app: "shop", live: live)?.owner == "billing")
        #expect(OwnershipCheck.conflict(app: "billing", live: live) == nil)
    }
}
