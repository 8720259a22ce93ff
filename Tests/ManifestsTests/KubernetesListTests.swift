import CapstanCore
import Testing

@testable import Manifests

/// kustomize's expansion of `*List` objects.
@Suite struct KubernetesListTests {
    @Test func listItemsJoinTheEndOfTheQueue() throws {
        let objects: [JSONValue] = [
            ["kind": "ConfigMapList", "items": [["kind": "ConfigMap", "metadata": ["name": "a"]], ["kind": "List", "items": [["kind": "Secret", "metadata": ["name": "s"]]]]]],
            ["kind": "Service", "metadata": ["name": "svc"]],
            ["kind": "EmptyList", "items": nil],
            ["kind": "PodList", "metadata": ["name": "no-items"]],
        ]
        let names = try KubernetesList.inlineItems(objects).map { $0["kind"]?.stringValue ?? "" }
        #expect(names == ["Service", "PodList", "ConfigMap", "Secret"])
    }

    @Test func nonArrayItemsAreRefused() {
        #expect(throws: KubernetesList.ExpansionError.self) {
            try KubernetesList.inlineItems([["kind": "List", "items": "x"]])
        }
    }

    @Test func emptyMappingDocumentsAreDroppedLikeKustomize() throws {
        let objects = try ManifestDecoder.decode(Array("{}\n---\n[]\n---\nkind: A\n".utf8), file: "e.yaml")
        #expect(objects == [["kind": "A"]])
    }
}
