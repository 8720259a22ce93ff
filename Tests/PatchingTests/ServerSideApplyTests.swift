import CapstanCore
import Testing

@testable import Patching

/// Server-side apply on Deployments: merging by list-map keys, ownership, conflicts, pruning.
struct ServerSideApplyTests {
    static let schema = ObjectSchema.forKind(apiVersion: "apps/v1", kind: "Deployment")

    static func deployment(replicas: Int? = 2, image: String = "nginx:1.27", env: String = #"[{"name":"A","value":"1"}]"#,
                           extraLabels: String = "") -> JSONValue {
        let replicasField = replicas.map { #""replicas":\#($0),"# } ?? ""
        return json(#"""
            {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"web","namespace":"shop","labels":{"app":"web"\#(extraLabels)}},
             "spec":{\#(replicasField)"selector":{"matchLabels":{"app":"web"}},
              "template":{"metadata":{"labels":{"app":"web"}},"spec":{"containers":[
               {"name":"web","image":"\#(image)","ports":[{"containerPort":80}],"env":\#(env)}]}}}}
            """#)
    }

    func apply(_ config: JSONValue, to live: JSONValue?, manager: String = "gitops", force: Bool = false,
               time: String = "2026-11-27T10:00:00Z") throws -> ServerSideApply.Result {
        try ServerSideApply.apply(config, to: live, options: ApplyOptions(manager: manager, force: force, time: time, schema: Self.schema))
    }

    func update(_ new: JSONValue, from old: JSONValue?, manager: String, time: String = "2026-11-27T11:00:00Z") -> JSONValue {
        ServerSideApply.update(from: old, to: new, options: UpdateOptions(manager: manager, time: time, schema: Self.schema))
    }

    func entries(_ object: JSONValue) -> [ManagedFieldsEntry] {
        ManagedFieldsEntry.decode(object["metadata"]?["managedFields"])
    }

    @Test func createRecordsApplierFieldSetWithListMapKeysAndDefaults() throws {
        let result = try apply(Self.deployment(), to: nil)
        #expect(result.changed)
        let expected = json(#"""
            [{"manager":"gitops","operation":"Apply","apiVersion":"apps/v1","time":"2026-11-27T10:00:00Z","fieldsType":"FieldsV1",
              "fieldsV1":{"f:metadata":{"f:labels":{"f:app":{}}},
               "f:spec":{"f:replicas":{},"f:selector":{},"f:template":{"f:metadata":{"f:labels":{"f:app":{}}},
                "f:spec":{"f:containers":{"k:{\"name\":\"web\"}":{".":{},"f:env":{"k:{\"name\":\"A\"}":{".":{},"f:name":{},"f:value":{}}},
                 "f:image":{},"f:name":{},
                 "f:ports":{"k:{\"containerPort\":80,\"protocol\":\"TCP\"}":{".":{},"f:containerPort":{}}}}}}}}}}]
            """#)
        #expect(result.object["metadata"]?["managedFields"] == expected)
        var content = result.object
        content.removeManagedFields()
        #expect(content == Self.deployment())
    }

    @Test func noOpApplyLeavesObjectUntouched() throws {
        // The emulator defaults after apply (protocol TCP); a second apply must still be a no-op.
        let defaulting = json(#"[{"op":"add","path":"/spec/template/spec/containers/0/ports/0/protocol","value":"TCP"}]"#)
        let live = try JSONPatch.apply(defaulting, to: apply(Self.deployment(), to: nil).object)
        let again = try apply(Self.deployment(), to: live, time: "2026-11-27T12:00:00Z")
        #expect(!again.changed)
        #expect(again.object == live)
    }

    @Test func updateByAnotherWriterMakesReapplyConflict() throws {
        let live = try apply(Self.deployment(), to: nil).object
        var scaled = live
        scaled.setValue(5, at: ["spec", "replicas"])
        let afterScale = update(scaled, from: live, manager: "hpa")
        let hpa = entries(afterScale).first { $0.manager == "hpa" }
        #expect(hpa?.fields.fieldsV1 == json(#"{"f:spec":{"f:replicas":{}}}"#))
        #expect(entries(afterScale).first { $0.manager == "gitops" }?.fields.contains(["f:spec", "f:replicas"]) == false)

        #expect(throws: ServerSideApplyError.conflicts([FieldConflict(manager: #""hpa" using apps/v1"#, path: ".spec.replicas")])) {
            try apply(Self.deployment(), to: afterScale)
        }
        let message = ServerSideApplyError.conflicts([FieldConflict(manager: #""hpa" using apps/v1"#, path: ".spec.replicas")]).description
        #expect(message == #"Apply failed with 1 conflict: conflict with "hpa" using apps/v1: .spec.replicas"#)
    }

    @Test func forceMovesOwnershipAndDropsEmptyManagers() throws {
        let live = try apply(Self.deployment(), to: nil).object
        var scaled = live
        scaled.setValue(5, at: ["spec", "replicas"])
        let afterScale = update(scaled, from: live, manager: "hpa")
        let forced = try apply(Self.deployment(), to: afterScale, force: true, time: "2026-11-27T12:00:00Z")
        #expect(forced.object.value(at: ["spec", "replicas"]) == 2)
        let managers = entries(forced.object)
        #expect(managers.map(\.manager) == ["gitops"])
        #expect(managers[0].fields.contains(["f:spec", "f:replicas"]))
        #expect(managers[0].time == "2026-11-27T12:00:00Z")
    }

    @Test func applyingTheSameValueSharesOwnership() throws {
        let live = try apply(Self.deployment(), to: nil).object
        let other = json(#"""
            {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"web"},"spec":{"template":{"spec":{"containers":[{"name":"web","image":"nginx:1.27"}]}}}}
            """#)
        let shared = try apply(other, to: live, manager: "other")
        #expect(shared.changed)
        let imagePath = ["f:spec", "f:template", "f:spec", "f:containers", #"k:{"name":"web"}"#, "f:image"]
        #expect(entries(shared.object).filter { $0.fields.contains(imagePath) }.map(\.manager).sorted() == ["gitops", "other"])
        var content = shared.object
        content.removeManagedFields()
        var liveContent = live
        liveContent.removeManagedFields()
        #expect(content == liveContent)
    }

    @Test func conflictPathNamesListMapItem() throws {
        let live = try apply(Self.deployment(), to: nil).object
        let other = json(#"""
            {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"web"},"spec":{"template":{"spec":{"containers":[{"name":"web","image":"nginx:1.28"}]}}}}
            """#)
        #expect(throws: ServerSideApplyError.conflicts([
            FieldConflict(manager: #""gitops""#, path: #".spec.template.spec.containers[name="web"].image"#)
        ])) {
            try apply(other, to: live, manager: "other")
        }
    }

    @Test func fieldsNoLongerAppliedAreRemovedUnlessCoOwned() throws {
        let config = Self.deployment(env: #"[{"name":"A","value":"1"},{"name":"B","value":"2"}]"#, extraLabels: #","tier":"front""#)
        let live = try apply(config, to: nil).object
        // Another applier co-owns the tier label with the same value.
        let coOwner = json(#"{"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"web","labels":{"tier":"front"}}}"#)
        let shared = try apply(coOwner, to: live, manager: "labeller").object

        let trimmed = try apply(Self.deployment(replicas: nil), to: shared, time: "2026-11-27T12:00:00Z").object
        #expect(trimmed.value(at: ["spec", "replicas"]) == nil)
        #expect(trimmed.value(at: ["metadata", "labels", "tier"]) == "front")
        let env = trimmed.value(at: ["spec", "template", "spec", "containers"])?.arrayValue?.first?["env"]
        #expect(env == json(#"[{"name":"A","value":"1"}]"#))
        let gitops = entries(trimmed).first { $0.manager == "gitops" }
        #expect(gitops?.fields.contains(["f:metadata", "f:labels", "f:tier"]) == false)
        #expect(gitops?.time == "2026-11-27T12:00:00Z")
    }

    @Test func portsMergeByContainerPortAndProtocol() throws {
        let live = try apply(Self.deployment(), to: nil).object
        let other = json(#"""
            {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"web"},"spec":{"template":{"spec":{"containers":[
             {"name":"web","ports":[{"containerPort":80,"protocol":"UDP"}]},{"name":"sidecar","image":"envoy"}]}}}}
            """#)
        let merged = try apply(other, to: live, manager: "mesh").object
        let containers = merged.value(at: ["spec", "template", "spec", "containers"])?.arrayValue ?? []
        #expect(containers.compactMap { $0["name"]?.stringValue } == ["web", "sidecar"])
        #expect(containers.first?["ports"] == json(#"[{"containerPort":80},{"containerPort":80,"protocol":"UDP"}]"#))
        #expect(containers.first?["image"] == "nginx:1.27")
        let mesh = entries(merged).first { $0.manager == "mesh" }
        #expect(mesh?.fields.contains([
            "f:spec", "f:template", "f:spec", "f:containers", #"k:{"name":"web"}"#, "f:ports",
            #"k:{"containerPort":80,"protocol":"UDP"}"#,
        ]) == true)
    }

    @Test func envMergesByNameKeepingLiveOrder() throws {
        let live = try apply(Self.deployment(env: #"[{"name":"A","value":"1"},{"name":"C","value":"3"}]"#), to: nil).object
        let other = json(#"""
            {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"web"},"spec":{"template":{"spec":{"containers":[
             {"name":"web","env":[{"name":"B","value":"2"}]}]}}}}
            """#)
        let merged = try apply(other, to: live, manager: "injector").object
        let env = merged.value(at: ["spec", "template", "spec", "containers"])?.arrayValue?.first?["env"]
        #expect(env == json(#"[{"name":"A","value":"1"},{"name":"C","value":"3"},{"name":"B","value":"2"}]"#))
    }

    @Test func updateOnCreateOwnsAddedNodesLikeClientSideApply() {
        let created = update(Self.deployment(), from: nil, manager: "kubectl-client-side-apply")
        let fields = entries(created).first?.fields.fieldsV1
        #expect(fields == json(#"""
            {"f:metadata":{"f:labels":{".":{},"f:app":{}}},
             "f:spec":{"f:replicas":{},"f:selector":{},"f:template":{"f:metadata":{"f:labels":{".":{},"f:app":{}}},
              "f:spec":{"f:containers":{"k:{\"name\":\"web\"}":{".":{},
               "f:env":{".":{},"k:{\"name\":\"A\"}":{".":{},"f:name":{},"f:value":{}}},"f:image":{},"f:name":{},
               "f:ports":{".":{},"k:{\"containerPort\":80,\"protocol\":\"TCP\"}":{".":{},"f:containerPort":{}}}}}}}}}
            """#))
    }

    @Test func clientSideApplyFieldsConflictUnlessManagerIsKubectl() throws {
        var config = Self.deployment()
        config.setValue(.string(Self.deployment().serialized()), at: ["metadata", "annotations", LastApplied.annotation])
        let created = update(config, from: nil, manager: "kubectl-client-side-apply")
        let newImage = Self.deployment(image: "nginx:1.28")
        #expect(throws: ServerSideApplyError.self) { try apply(newImage, to: created, manager: "gitops") }
        let upgraded = try apply(newImage, to: created, manager: "kubectl")
        #expect(upgraded.object.value(at: ["spec", "template", "spec", "containers"])?.arrayValue?.first?["image"] == "nginx:1.28")
    }

    @Test func firstApplyToObjectWithoutManagedFieldsKeepsBeforeFirstApplyOwner() throws {
        var live = Self.deployment()
        live.setValue("keep", at: ["metadata", "annotations", "note"])
        let result = try apply(Self.deployment(image: "nginx:1.28"), to: live, force: true)
        let managers = entries(result.object).map(\.manager)
        #expect(managers == ["gitops", "before-first-apply"])
        #expect(result.object.value(at: ["metadata", "annotations", "note"]) == "keep")
    }

    @Test func clearingManagedFieldsWithSingleEmptyEntry() throws {
        let live = try apply(Self.deployment(), to: nil).object
        var cleared = live
        cleared.setValue(.array([.object([:])]), at: ["metadata", "managedFields"])
        #expect(update(cleared, from: live, manager: "kubectl-edit")["metadata"]?["managedFields"] == nil)
    }

    @Test func statusInMainResourceApplyIsIgnored() throws {
        var config = Self.deployment()
        config.setValue(3, at: ["status", "replicas"])
        let result = try apply(config, to: nil)
        #expect(result.object["status"] == nil)
        #expect(entries(result.object).first?.fields.children["f:status"] == nil)
    }

    @Test func unkeyedListItemIsInvalid() {
        let config = json(#"""
            {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"web"},"spec":{"template":{"spec":{"containers":["oops"]}}}}
            """#)
        #expect(throws: ServerSideApplyError.self) { try apply(config, to: nil) }
    }

    @Test func customResourceListsAreAtomic() throws {
        let schema = ObjectSchema.forKind(apiVersion: "example.com/v1", kind: "Widget")
        let config = json(#"{"apiVersion":"example.com/v1","kind":"Widget","metadata":{"name":"w"},"spec":{"items":[{"name":"a"}],"size":1}}"#)
        let result = try ServerSideApply.apply(config, to: nil, options: ApplyOptions(manager: "m", time: "t", schema: schema))
        #expect(entries(result.object).first?.fields.fieldsV1 == json(#"{"f:spec":{"f:items":{},"f:size":{}}}"#))
    }
}
