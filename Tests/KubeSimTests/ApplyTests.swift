import CapstanCore
import Testing
@testable import KubeSim

@Suite struct ApplyTests {
    let fixture = APIFixture()
    let path = "/apis/apps/v1/namespaces/default/deployments/web"

    @Test func applyCreatesThenNoOpKeepsResourceVersion() async {
        let created = await fixture.apply(path, APIFixture.deployment("web"), manager: "gitops")
        #expect(created.status == 201)
        let entries = created.json?.value(at: ["metadata", "managedFields"])?.arrayValue ?? []
        #expect(entries.count == 1)
        #expect(entries.first?["operation"] == "Apply")
        #expect(entries.first?.value(at: ["fieldsV1", "f:spec", "f:replicas"]) == [:])
        #expect(created.json?.value(at: ["spec", "template", "spec", "containers", "0"]) == nil)
        let again = await fixture.apply(path, APIFixture.deployment("web"), manager: "gitops")
        #expect(again.status == 200)
        #expect(again.resourceVersion == created.resourceVersion)
    }

    @Test func conflictWithAnotherManagerIs409UnlessForced() async {
        _ = await fixture.apply(path, APIFixture.deployment("web"), manager: "gitops")
        let other = await fixture.apply(path, APIFixture.deployment("web", replicas: 5), manager: "other")
        #expect(other.status == 409)
        #expect(other.message == "Apply failed with 1 conflict: conflict with \"gitops\": .spec.replicas")
        #expect(other.json?.value(at: ["details", "causes"])?.arrayValue?.first?["reason"] == "FieldManagerConflict")
        let forced = await fixture.apply(path, APIFixture.deployment("web", replicas: 5), manager: "other", force: true)
        #expect(forced.status == 200)
        #expect(forced.json?.value(at: ["spec", "replicas"]) == 5)
    }

    @Test func sameValueFromTwoManagersIsSharedNotConflict() async {
        _ = await fixture.apply(path, APIFixture.deployment("web"), manager: "gitops")
        let shared = await fixture.apply(path, APIFixture.deployment("web"), manager: "other")
        #expect(shared.status == 200)
    }

    @Test func fieldNoLongerAppliedIsRemoved() async {
        var withLabel = APIFixture.configMap("cm", data: ["a": "1", "b": "2"])
        withLabel.setValue("yes", at: ["metadata", "annotations", "note"])
        _ = await fixture.apply("/api/v1/namespaces/default/configmaps/cm", withLabel, manager: "gitops")
        let pruned = await fixture.apply("/api/v1/namespaces/default/configmaps/cm",
                                         APIFixture.configMap("cm", data: ["a": "1"]), manager: "gitops")
        #expect(pruned.json?["data"] == ["a": "1"])
        #expect(pruned.json?.value(at: ["metadata", "annotations", "note"]) == nil)
    }

    @Test func dryRunApplyPersistsNothing() async {
        let response = await fixture.apply(path, APIFixture.deployment("web"), manager: "gitops", dryRun: true)
        #expect(response.status == 201)
        #expect(await fixture.call("GET", path).status == 404)
    }

    @Test func applyRequiresFieldManagerAndRejectsManagedFields() async {
        let missing = await fixture.call("PATCH", path, body: APIFixture.deployment("web"), contentType: "application/apply-patch+yaml")
        #expect(missing.status == 400)
        var body = APIFixture.deployment("web")
        body.setValue([["manager": "x"]], at: ["metadata", "managedFields"])
        let managed = await fixture.apply(path, body, manager: "gitops")
        #expect(managed.status == 400)
    }

    @Test func applyIntoMissingNamespaceIsNotFound() async {
        var body = APIFixture.configMap("x", namespace: "ghost")
        body.setValue("ghost", at: ["metadata", "namespace"])
        let response = await fixture.apply("/api/v1/namespaces/ghost/configmaps/x", body, manager: "gitops")
        #expect(response.status == 404)
        #expect(response.message == "namespaces \"ghost\" not found")
    }
}
