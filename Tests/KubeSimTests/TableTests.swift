import CapstanCore
import Testing
@testable import KubeSim

/// `kubectl get` asks for Tables; the emulator answers with the columns the real API server prints.
@Suite struct TableTests {
    let fixture = APIFixture()
    static let accept = "application/json;as=Table;v=v1;g=meta.k8s.io,application/json;as=Table;v=v1beta1;g=meta.k8s.io,application/json"

    func names(_ response: APIResponse) -> [String] {
        response.json?["columnDefinitions"]?.arrayValue?.compactMap { $0["name"]?.stringValue } ?? []
    }

    func cells(_ response: APIResponse) -> [JSONValue] {
        response.json?["rows"]?.arrayValue?.first?["cells"]?.arrayValue ?? []
    }

    @Test func deploymentListHasReadyUpToDateAvailable() async {
        _ = await fixture.call("POST", "/apis/apps/v1/namespaces/default/deployments", body: APIFixture.deployment("web", replicas: 3))
        let response = await fixture.call("GET", "/apis/apps/v1/namespaces/default/deployments?limit=500", accept: Self.accept)
        #expect(response.headers.contains { $0.0 == "Content-Type" && $0.1 == "application/json;as=Table;v=v1;g=meta.k8s.io" })
        #expect(names(response) == ["Name", "Ready", "Up-to-date", "Available", "Age", "Containers", "Images", "Selector"])
        #expect(Array(cells(response).prefix(4)) == ["web", "0/3", 0, 0])
        #expect(cells(response)[5...] == ["web", "nginx:1.27", "app=web"])
        let object = response.json?["rows"]?.arrayValue?.first?["object"]
        #expect(object?["kind"] == "PartialObjectMetadata")
        #expect(object?.value(at: ["metadata", "namespace"]) == "default")
    }

    @Test func podsConfigMapsAndDefaultColumns() async {
        let pod: JSONValue = ["apiVersion": "v1", "kind": "Pod", "metadata": ["name": "p"],
                              "spec": ["containers": [["name": "c", "image": "busybox"]]]]
        _ = await fixture.call("POST", "/api/v1/namespaces/default/pods", body: pod)
        let pods = await fixture.call("GET", "/api/v1/namespaces/default/pods/p", accept: Self.accept)
        #expect(names(pods).prefix(5) == ["Name", "Ready", "Status", "Restarts", "Age"])
        #expect(Array(cells(pods).prefix(4)) == ["p", "0/1", "Pending", 0])
        _ = await fixture.call("POST", "/api/v1/namespaces/default/configmaps", body: APIFixture.configMap("c", data: ["a": "1", "b": "2"]))
        let configMaps = await fixture.call("GET", "/api/v1/namespaces/default/configmaps", accept: Self.accept)
        #expect(names(configMaps) == ["Name", "Data", "Age"])
        #expect(Array(cells(configMaps).prefix(2)) == ["c", 2])
        let roles = await fixture.call("GET", "/apis/rbac.authorization.k8s.io/v1/clusterroles", accept: Self.accept)
        #expect(names(roles) == ["Name", "Created At"])
    }

    @Test func customResourcesUsePrinterColumnsOrAge() async {
        var definition = ServingTests.widgetDefinition
        var version = definition.value(at: ["spec", "versions"])?.arrayValue?.first ?? [:]
        version["additionalPrinterColumns"] = [["name": "Size", "type": "integer", "jsonPath": ".spec.size"],
                                               ["name": "Phase", "type": "string", "jsonPath": ".status.phase", "priority": 1]]
        definition.setValue([version], at: ["spec", "versions"])
        _ = await fixture.apply("/apis/apiextensions.k8s.io/v1/customresourcedefinitions/widgets.example.com", definition, manager: "t")
        let widget: JSONValue = ["apiVersion": "example.com/v1", "kind": "Widget", "metadata": ["name": "w1", "namespace": "default"],
                                 "spec": ["size": 3]]
        _ = await fixture.apply("/apis/example.com/v1/namespaces/default/widgets/w1", widget, manager: "t")
        let response = await fixture.call("GET", "/apis/example.com/v1/namespaces/default/widgets", accept: Self.accept)
        #expect(names(response) == ["Name", "Size", "Phase"])
        #expect(cells(response) == ["w1", 3, .null])
    }

    @Test func humanDurationFollowsKubectl() {
        #expect(HumanDuration.format(45) == "45s")
        #expect(HumanDuration.format(119) == "119s")
        #expect(HumanDuration.format(192) == "3m12s")
        #expect(HumanDuration.format(60 * 30) == "30m")
        #expect(HumanDuration.format(3600 * 5 + 60 * 7) == "5h7m")
        #expect(HumanDuration.format(3600 * 30) == "30h")
        #expect(HumanDuration.format(3600 * 52) == "2d4h")
        #expect(HumanDuration.format(86400 * 400) == "400d")
    }
}
