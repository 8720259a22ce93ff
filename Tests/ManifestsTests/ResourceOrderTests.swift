import CapstanCore
import Testing

@testable import Manifests

/// kustomize's legacy order and Helm's install order as data.
@Suite struct ResourceOrderTests {
    static func object(_ apiVersion: String, _ kind: String, _ name: String, namespace: String? = nil) -> JSONValue {
        var metadata: [String: JSONValue] = ["name": .string(name)]
        if let namespace { metadata["namespace"] = .string(namespace) }
        return ["apiVersion": .string(apiVersion), "kind": .string(kind), "metadata": .object(metadata)]
    }

    static func names(_ objects: [JSONValue]) -> [String] {
        objects.map { $0.value(at: ["metadata", "name"])?.stringValue ?? "" }
    }

    @Test func legacyOrderPutsUnknownKindsBetweenFirstAndLastLists() {
        let objects = [
            Self.object("admissionregistration.k8s.io/v1", "ValidatingWebhookConfiguration", "vwc"),
            Self.object("example.com/v1", "Widget", "w"),
            Self.object("apps/v1", "Deployment", "dep"),
            Self.object("v1", "Namespace", "ns"),
            Self.object("v1", "Pod", "pod"),
        ]
        #expect(Self.names(KustomizeLegacyOrder().sorted(objects)) == ["ns", "dep", "w", "pod", "vwc"])
    }

    @Test func legacyOrderSortsSameKindByNamespaceThenNameWithClusterScopedLast() {
        let objects = [
            Self.object("v1", "Pod", "b"), Self.object("v1", "Pod", "z", namespace: "aa"),
            Self.object("v1", "Pod", "a", namespace: "zz"), Self.object("v1", "Pod", "a", namespace: "aa"),
        ]
        let sorted = KustomizeLegacyOrder().sorted(objects)
        #expect(sorted.map { $0.value(at: ["metadata", "namespace"])?.stringValue ?? "-" } == ["aa", "aa", "zz", "-"])
        #expect(Self.names(sorted) == ["a", "z", "a", "b"])
    }

    @Test func legacyOrderTakesCustomLists() {
        let order = KustomizeLegacyOrder(orderFirst: ["Service"], orderLast: ["Namespace"])
        let objects = [Self.object("v1", "Namespace", "ns"), Self.object("v1", "ConfigMap", "cm"), Self.object("v1", "Service", "svc")]
        #expect(Self.names(order.sorted(objects)) == ["svc", "cm", "ns"])
    }

    @Test func helmInstallOrderIsStableWithUnknownKindsLastAlphabetically() {
        let objects = [
            Self.object("example.com/v1", "Zebra", "z1"), Self.object("apps/v1", "Deployment", "d2"),
            Self.object("example.com/v1", "Apple", "a1"), Self.object("v1", "Service", "s1"),
            Self.object("apps/v1", "Deployment", "d1"), Self.object("scheduling.k8s.io/v1", "PriorityClass", "p"),
            Self.object("example.com/v1", "Zebra", "z0"),
        ]
        #expect(Self.names(HelmInstallOrder.sorted(objects)) == ["p", "s1", "d2", "d1", "a1", "z1", "z0"])
    }
}
