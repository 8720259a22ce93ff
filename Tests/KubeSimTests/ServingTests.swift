import CapstanCore
import Testing
@testable import KubeSim

@Suite struct ServingTests {
    let fixture = APIFixture()

    @Test func versionReportsMinor32() async {
        let response = await fixture.call("GET", "/version")
        #expect(response.json?["minor"] == "32")
    }

    @Test func aggregatedDiscoveryHasExactContentType() async {
        let accept = "application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,application/json"
        let response = await fixture.call("GET", "/apis", accept: accept)
        #expect(response.headers.contains { $0.0 == "Content-Type" && $0.1 == "application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList" })
        let groups = response.json?["items"]?.arrayValue?.compactMap { $0.value(at: ["metadata", "name"])?.stringValue } ?? []
        #expect(groups.contains("apps"))
        #expect(groups.contains("apiextensions.k8s.io"))
        let legacy = await fixture.call("GET", "/api/v1")
        #expect(legacy.json?["kind"] == "APIResourceList")
    }

    @Test func openAPIDocumentsCarryFieldValidationOnPatch() async {
        let root = await fixture.call("GET", "/openapi/v3")
        let url = root.json?.value(at: ["paths", "apis/apps/v1", "serverRelativeURL"])?.stringValue ?? ""
        let document = await fixture.call("GET", url)
        #expect(document.headers.contains { $0.0 == "Cache-Control" && $0.1 == "public, immutable" })
        let operation = document.json?.value(at: ["paths", "/apis/apps/v1/namespaces/{namespace}/deployments/{name}", "patch"])
        #expect(operation?["x-kubernetes-group-version-kind"] == ["group": "apps", "version": "v1", "kind": "Deployment"])
        #expect(operation?["parameters"]?.arrayValue?.contains { $0["name"] == "fieldValidation" } == true)
    }

    @Test func metricsCountRequestsByVerb() async {
        _ = await fixture.call("GET", "/api/v1/namespaces/default/configmaps")
        _ = await fixture.call("GET", "/api/v1/namespaces/default/configmaps/x")
        let text = await fixture.call("GET", "/metrics").text
        #expect(text.contains("apiserver_request_total{code=\"200\",resource=\"configmaps\",verb=\"LIST\"} 1"))
        #expect(text.contains("apiserver_request_total{code=\"404\",resource=\"configmaps\",verb=\"GET\"} 1"))
    }

    @Test func badRequestsGetStatusErrors() async {
        let configMaps = "/api/v1/namespaces/default/configmaps"
        let malformed = await fixture.raw("POST", configMaps, bytes: Array("{\"kind\":".utf8))
        #expect(malformed.status == 400)
        #expect(malformed.json?["kind"] == "Status")
        let wrongKind = await fixture.call("POST", configMaps, body: ["apiVersion": "v1", "kind": "Secret", "metadata": ["name": "s"]])
        #expect(wrongKind.status == 400)
        let wrongVersion = await fixture.call("POST", configMaps, body: ["apiVersion": "apps/v1", "kind": "ConfigMap", "metadata": ["name": "s"]])
        #expect(wrongVersion.message == "the API version in the data (apps/v1) does not match the expected API version (v1)")
        let huge = await fixture.raw("POST", configMaps, bytes: Array(repeating: UInt8(ascii: " "), count: 4 * 1024 * 1024))
        #expect(huge.status == 413)
        let unknownPath = await fixture.call("GET", "/apis/nothing/v1/things")
        #expect(unknownPath.status == 404)
        let wrongNamespace = await fixture.call("POST", configMaps, body: APIFixture.configMap("x", namespace: "other"))
        #expect(wrongNamespace.status == 400)
    }

    static let widgetDefinition: JSONValue = [
        "apiVersion": "apiextensions.k8s.io/v1", "kind": "CustomResourceDefinition",
        "metadata": ["name": "widgets.example.com"],
        "spec": ["group": "example.com", "scope": "Namespaced",
                 "names": ["plural": "widgets", "singular": "widget", "kind": "Widget", "shortNames": ["wg"]],
                 "versions": [["name": "v1", "served": true, "storage": true,
                               "schema": ["openAPIV3Schema": ["type": "object", "x-kubernetes-preserve-unknown-fields": true]]]]],
    ]

    @Test func customResourceDefinitionServesItsKind() async {
        let definition = Self.widgetDefinition
        let created = await fixture.apply("/apis/apiextensions.k8s.io/v1/customresourcedefinitions/widgets.example.com",
                                          definition, manager: "gitops")
        #expect(created.status == 201)
        let stored = await fixture.call("GET", "/apis/apiextensions.k8s.io/v1/customresourcedefinitions/widgets.example.com")
        #expect(stored.json?.value(at: ["status", "conditions"])?.arrayValue?.contains { $0["type"] == "Established" } == true)
        let widget: JSONValue = ["apiVersion": "example.com/v1", "kind": "Widget",
                                 "metadata": ["name": "w1", "namespace": "default"], "spec": ["size": 3]]
        let made = await fixture.apply("/apis/example.com/v1/namespaces/default/widgets/w1", widget, manager: "gitops")
        #expect(made.status == 201)
        #expect(made.json?.value(at: ["metadata", "generation"]) == 1)
        _ = await fixture.call("DELETE", "/apis/apiextensions.k8s.io/v1/customresourcedefinitions/widgets.example.com")
        #expect(await fixture.call("GET", "/apis/example.com/v1/namespaces/default/widgets/w1").status == 404)
        #expect(fixture.api.store.get("example.com/widgets", namespace: "default", name: "w1") == nil)
    }

    @Test func bearerTokenIsRequiredWhenConfigured() async {
        var options = KubeSimOptions()
        options.token = "secret"
        let guarded = APIFixture(options: options)
        #expect(await guarded.call("GET", "/version").status == 401)
        var request = APIRequest(method: "GET", target: "/version")
        request.authorization = "Bearer secret"
        #expect(await guarded.api.handle(request).status == 200)
    }

    @Test func faultsAnswer503AtFullRate() async {
        _ = await fixture.call("POST", "/_sim/faults", body: ["503": 1])
        #expect(await fixture.call("GET", "/api/v1/namespaces").status == 503)
        _ = await fixture.call("DELETE", "/_sim/faults")
        #expect(await fixture.call("GET", "/api/v1/namespaces").status == 200)
    }
}
