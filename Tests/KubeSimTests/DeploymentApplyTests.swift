import CapstanCore
import Testing
@testable import KubeSim

/// Server-side apply of Deployments through the API: list-map merging, ownership and conflicts as managedFields show them.
@Suite struct DeploymentApplyTests {
    let fixture = APIFixture()
    let path = "/apis/apps/v1/namespaces/default/deployments/web"

    func deployment(containers: JSONValue, replicas: Int64? = nil) -> JSONValue {
        var object: JSONValue = ["apiVersion": "apps/v1", "kind": "Deployment", "metadata": ["name": "web", "namespace": "default"],
                                 "spec": ["selector": ["matchLabels": ["app": "web"]],
                                          "template": ["metadata": ["labels": ["app": "web"]], "spec": ["containers": containers]]]]
        if let replicas { object.setValue(.int(replicas), at: ["spec", "replicas"]) }
        return object
    }

    func fields(_ response: APIResponse, manager: String) -> JSONValue? {
        response.json?.value(at: ["metadata", "managedFields"])?.arrayValue?.first { $0["manager"]?.stringValue == manager }?["fieldsV1"]
    }

    @Test func containersMergeByNameAndPortsByContainerPortAndProtocol() async {
        let web: JSONValue = ["name": "web", "image": "nginx:1.27", "ports": [["containerPort": 80]],
                              "env": [["name": "A", "value": "1"]]]
        _ = await fixture.apply(path, deployment(containers: [web], replicas: 2), manager: "gitops")
        let sidecar: JSONValue = ["name": "sidecar", "image": "envoy:1", "env": [["name": "B", "value": "2"]]]
        let both = await fixture.apply(path, deployment(containers: [sidecar]), manager: "mesh")
        #expect(both.status == 200)
        let containers = both.json?.value(at: ["spec", "template", "spec", "containers"])?.arrayValue ?? []
        #expect(containers.compactMap { $0["name"]?.stringValue } == ["web", "sidecar"])
        #expect(containers.first?["ports"] == [["containerPort": 80, "protocol": "TCP"]])
        let gitops = fields(both, manager: "gitops")
        let container = gitops?.value(at: ["f:spec", "f:template", "f:spec", "f:containers", "k:{\"name\":\"web\"}"])
        #expect(container?["."] == [:])
        #expect(container?.value(at: ["f:ports", "k:{\"containerPort\":80,\"protocol\":\"TCP\"}", "f:containerPort"]) == [:])
        #expect(container?.value(at: ["f:env", "k:{\"name\":\"A\"}", "f:value"]) == [:])
        #expect(gitops?.value(at: ["f:spec", "f:replicas"]) == [:])
    }

    @Test func conflictNamesFieldAndForceTransfersOwnership() async {
        let web: JSONValue = ["name": "web", "image": "nginx:1.27"]
        _ = await fixture.apply(path, deployment(containers: [web], replicas: 2), manager: "gitops")
        let other: JSONValue = ["name": "web", "image": "nginx:1.28"]
        let conflict = await fixture.apply(path, deployment(containers: [other]), manager: "hotfix")
        #expect(conflict.status == 409)
        #expect(conflict.message == "Apply failed with 1 conflict: conflict with \"gitops\": .spec.template.spec.containers[name=\"web\"].image")
        let forced = await fixture.apply(path, deployment(containers: [other]), manager: "hotfix", force: true)
        #expect(forced.status == 200)
        let image = ["f:spec", "f:template", "f:spec", "f:containers", "k:{\"name\":\"web\"}", "f:image"]
        #expect(fields(forced, manager: "hotfix")?.value(at: image) == [:])
        #expect(fields(forced, manager: "gitops")?.value(at: image) == nil)
    }

    @Test func updateByAnotherWriterTakesOwnershipAndApplyThenConflicts() async {
        _ = await fixture.apply(path, deployment(containers: [["name": "web", "image": "nginx:1.27"]], replicas: 2), manager: "gitops")
        let scaled = await fixture.call("PATCH", path + "?fieldManager=hpa", body: ["spec": ["replicas": 5]],
                                        contentType: "application/merge-patch+json")
        let hpa = scaled.json?.value(at: ["metadata", "managedFields"])?.arrayValue?.first { $0["manager"] == "hpa" }
        #expect(hpa?["operation"] == "Update")
        #expect(hpa?.value(at: ["fieldsV1", "f:spec", "f:replicas"]) == [:])
        let drift = await fixture.apply(path, deployment(containers: [["name": "web", "image": "nginx:1.27"]], replicas: 2), manager: "gitops")
        #expect(drift.status == 409)
        #expect(drift.message == "Apply failed with 1 conflict: conflict with \"hpa\" using apps/v1: .spec.replicas")
    }
}
