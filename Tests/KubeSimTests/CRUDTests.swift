import CapstanCore
import Testing
@testable import KubeSim

@Suite struct CRUDTests {
    let fixture = APIFixture()
    let configMaps = "/api/v1/namespaces/default/configmaps"

    @Test func createGetListDeleteConfigMap() async {
        let created = await fixture.call("POST", configMaps, body: APIFixture.configMap("one"))
        #expect(created.status == 201)
        #expect(created.json?.value(at: ["metadata", "uid"]) != nil)
        #expect(created.json?.value(at: ["metadata", "creationTimestamp"]) != nil)
        #expect(created.json?.value(at: ["metadata", "managedFields", "0"]) == nil)
        #expect(created.json?.value(at: ["metadata", "managedFields"])?.arrayValue?.first?["manager"] == "kubectl")
        let fetched = await fixture.call("GET", configMaps + "/one")
        #expect(fetched.json?["data"] == ["a": "1"])
        let listed = await fixture.call("GET", configMaps)
        #expect(listed.json?["kind"] == "ConfigMapList")
        #expect(listed.json?["items"]?.arrayValue?.count == 1)
        let deleted = await fixture.call("DELETE", configMaps + "/one", body: ["propagationPolicy": "Background"])
        #expect(deleted.json?["status"] == "Success")
        #expect(deleted.json?.value(at: ["details", "kind"]) == "configmaps")
        let missing = await fixture.call("GET", configMaps + "/one")
        #expect(missing.status == 404)
        #expect(missing.message == "configmaps \"one\" not found")
    }

    @Test func duplicateCreateIsAlreadyExists() async {
        _ = await fixture.call("POST", configMaps, body: APIFixture.configMap("dup"))
        let again = await fixture.call("POST", configMaps, body: APIFixture.configMap("dup"))
        #expect(again.status == 409)
        #expect(again.reason == "AlreadyExists")
        #expect(again.message == "configmaps \"dup\" already exists")
    }

    @Test func staleResourceVersionOnUpdateConflicts() async {
        let created = await fixture.call("POST", configMaps, body: APIFixture.configMap("lock"))
        var update = created.json!
        update["data"] = ["a": "2"]
        let first = await fixture.call("PUT", configMaps + "/lock", body: update)
        #expect(first.status == 200)
        #expect(first.resourceVersion != created.resourceVersion)
        let stale = await fixture.call("PUT", configMaps + "/lock", body: update)
        #expect(stale.status == 409)
        #expect(stale.message?.hasSuffix("the object has been modified; please apply your changes to the latest version and try again") == true)
    }

    @Test func namespaceMustExist() async {
        let response = await fixture.call("POST", "/api/v1/namespaces/nowhere/configmaps", body: APIFixture.configMap("x", namespace: "nowhere"))
        #expect(response.status == 404)
        #expect(response.message == "namespaces \"nowhere\" not found")
    }

    @Test func invalidNameIsRejectedWith422() async {
        let response = await fixture.call("POST", configMaps, body: APIFixture.configMap("Bad_Name"))
        #expect(response.status == 422)
        #expect(response.reason == "Invalid")
        #expect(response.message?.hasPrefix("ConfigMap \"Bad_Name\" is invalid: metadata.name: Invalid value: \"Bad_Name\": a lowercase RFC 1123 subdomain") == true)
        #expect(response.json?.value(at: ["details", "causes"])?.arrayValue?.first?["field"] == "metadata.name")
    }

    @Test func mergePatchChangesDataAndNoOpKeepsResourceVersion() async {
        let created = await fixture.call("POST", configMaps, body: APIFixture.configMap("patched"))
        let patched = await fixture.call("PATCH", configMaps + "/patched", body: ["data": ["a": nil, "b": "2"]],
                                         contentType: "application/merge-patch+json")
        #expect(patched.json?["data"] == ["b": "2"])
        #expect(patched.resourceVersion != created.resourceVersion)
        let again = await fixture.call("PATCH", configMaps + "/patched", body: ["data": ["b": "2"]],
                                       contentType: "application/merge-patch+json")
        #expect(again.resourceVersion == patched.resourceVersion)
    }

    @Test func jsonPatchAndStrategicPatchWork() async {
        _ = await fixture.call("POST", "/apis/apps/v1/namespaces/default/deployments", body: APIFixture.deployment("web"))
        let json = await fixture.call("PATCH", "/apis/apps/v1/namespaces/default/deployments/web",
                                      body: [["op": "replace", "path": "/spec/replicas", "value": 5]],
                                      contentType: "application/json-patch+json")
        #expect(json.json?.value(at: ["spec", "replicas"]) == 5)
        let strategic = await fixture.call(
            "PATCH", "/apis/apps/v1/namespaces/default/deployments/web",
            body: ["spec": ["template": ["spec": ["containers": [["name": "web", "image": "nginx:1.28"]]]]]],
            contentType: "application/strategic-merge-patch+json")
        let containers = strategic.json?.value(at: ["spec", "template", "spec", "containers"])?.arrayValue
        #expect(containers?.count == 1)
        #expect(containers?.first?["image"] == "nginx:1.28")
        #expect(containers?.first?["ports"] != nil)
    }

    @Test func generationBumpsOnSpecChangeOnly() async {
        let path = "/apis/apps/v1/namespaces/default/deployments"
        let created = await fixture.call("POST", path, body: APIFixture.deployment("gen"))
        #expect(created.json?.value(at: ["metadata", "generation"]) == 1)
        let labels = await fixture.call("PATCH", path + "/gen", body: ["metadata": ["labels": ["x": "y"]]],
                                        contentType: "application/merge-patch+json")
        #expect(labels.json?.value(at: ["metadata", "generation"]) == 1)
        let spec = await fixture.call("PATCH", path + "/gen", body: ["spec": ["replicas": 4]],
                                      contentType: "application/merge-patch+json")
        #expect(spec.json?.value(at: ["metadata", "generation"]) == 2)
        let status = await fixture.call("PATCH", path + "/gen/status", body: ["status": ["replicas": 4], "spec": ["replicas": 9]],
                                        contentType: "application/merge-patch+json")
        #expect(status.json?.value(at: ["metadata", "generation"]) == 2)
        #expect(status.json?.value(at: ["spec", "replicas"]) == 4)
        #expect(status.json?.value(at: ["status", "replicas"]) == 4)
    }

    @Test func dryRunCreatesNothing() async {
        let before = fixture.api.store.resourceVersion
        let response = await fixture.call("POST", configMaps + "?dryRun=All", body: APIFixture.configMap("ghost"))
        #expect(response.status == 201)
        #expect(fixture.api.store.resourceVersion == before)
        #expect(await fixture.call("GET", configMaps + "/ghost").status == 404)
    }

    @Test func scaleSubresourceReadsAndWritesReplicas() async {
        let path = "/apis/apps/v1/namespaces/default/deployments"
        _ = await fixture.call("POST", path, body: APIFixture.deployment("scaled"))
        let scale = await fixture.call("GET", path + "/scaled/scale")
        #expect(scale.json?["kind"] == "Scale")
        #expect(scale.json?.value(at: ["spec", "replicas"]) == 2)
        let patched = await fixture.call("PATCH", path + "/scaled/scale", body: ["spec": ["replicas": 7]],
                                         contentType: "application/merge-patch+json")
        #expect(patched.json?.value(at: ["spec", "replicas"]) == 7)
        #expect(await fixture.call("GET", path + "/scaled").json?.value(at: ["spec", "replicas"]) == 7)
    }

    @Test func finalizersDelayDeletionUntilRemoved() async {
        var object = APIFixture.configMap("held")
        object.setValue(["example.com/hold"], at: ["metadata", "finalizers"])
        _ = await fixture.call("POST", configMaps, body: object)
        let deleting = await fixture.call("DELETE", configMaps + "/held")
        #expect(deleting.json?.value(at: ["metadata", "deletionTimestamp"]) != nil)
        #expect(await fixture.call("GET", configMaps + "/held").status == 200)
        let released = await fixture.call("PATCH", configMaps + "/held", body: ["metadata": ["finalizers": nil]],
                                          contentType: "application/merge-patch+json")
        #expect(released.status == 200)
        #expect(await fixture.call("GET", configMaps + "/held").status == 404)
    }
}
