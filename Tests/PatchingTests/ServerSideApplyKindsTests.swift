import CapstanCore
import Testing

@testable import Patching

/// Server-side apply and update bookkeeping beyond Deployments: Services, status writes, custom
/// resources, key errors.
struct ServerSideApplyKindsTests {
    @Test func servicePortsKeyByPortAndDefaultProtocol() throws {
        let schema = ObjectSchema.forKind(apiVersion: "v1", kind: "Service")
        let config = json(#"{"apiVersion":"v1","kind":"Service","metadata":{"name":"s"},"spec":{"ports":[{"port":80,"targetPort":8080}],"selector":{"app":"x"}}}"#)
        let result = try ServerSideApply.apply(config, to: nil, options: ApplyOptions(manager: "m", time: "t", schema: schema))
        let fields = ManagedFieldsEntry.decode(result.object["metadata"]?["managedFields"]).first?.fields.fieldsV1
        #expect(fields == json(#"""
            {"f:spec":{"f:ports":{"k:{\"port\":80,\"protocol\":\"TCP\"}":{".":{},"f:port":{},"f:targetPort":{}}},"f:selector":{}}}
            """#))
    }

    @Test func statusSubresourceUpdateOwnsOnlyStatus() {
        let schema = ObjectSchema.forKind(apiVersion: "apps/v1", kind: "Deployment")
        let old = json(#"{"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"d"},"spec":{"replicas":1}}"#)
        var new = old
        new.setValue(json(#"{"replicas":1,"conditions":[{"type":"Available","status":"True"}]}"#), at: ["status"])
        new.setValue(9, at: ["spec", "replicas"])
        let recorded = ServerSideApply.update(
            from: old, to: new, options: UpdateOptions(manager: "deployment-controller", time: "t", subresource: "status", schema: schema))
        let entry = ManagedFieldsEntry.decode(recorded["metadata"]?["managedFields"]).first
        #expect(entry?.subresource == "status")
        #expect(entry?.fields.fieldsV1 == json(#"""
            {"f:status":{"f:conditions":{".":{},"k:{\"type\":\"Available\"}":{".":{},"f:status":{},"f:type":{}}},"f:replicas":{}}}
            """#))
    }

    @Test func customResourceUpdateOwnsAddedStructNodes() {
        let schema = ObjectSchema.forKind(apiVersion: "example.com/v1", kind: "Widget")
        let new = json(#"{"apiVersion":"example.com/v1","kind":"Widget","metadata":{"name":"w"},"spec":{"size":1}}"#)
        let recorded = ServerSideApply.update(from: nil, to: new, options: UpdateOptions(manager: "kubectl-create", time: "t", schema: schema))
        let entry = ManagedFieldsEntry.decode(recorded["metadata"]?["managedFields"]).first
        #expect(entry?.fields.fieldsV1 == json(#"{"f:spec":{".":{},"f:size":{}}}"#))
        #expect(entry?.operation == .update)
        #expect(entry?.apiVersion == "example.com/v1")
    }

    @Test func updateThatChangesNothingKeepsTime() {
        let schema = ObjectSchema.forKind(apiVersion: "v1", kind: "ConfigMap")
        let created = ServerSideApply.update(
            from: nil, to: json(#"{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"c"},"data":{"a":"1"}}"#),
            options: UpdateOptions(manager: "kubectl-create", time: "t1", schema: schema))
        let again = ServerSideApply.update(from: created, to: created, options: UpdateOptions(manager: "kubectl-create", time: "t2", schema: schema))
        #expect(again == created)
        var changed = created
        changed.setValue("2", at: ["data", "a"])
        let edited = ServerSideApply.update(from: created, to: changed, options: UpdateOptions(manager: "kubectl-edit", time: "t3", schema: schema))
        let managers = ManagedFieldsEntry.decode(edited["metadata"]?["managedFields"])
        #expect(managers.map(\.manager) == ["kubectl-create", "kubectl-edit"])
        #expect(managers[0].fields.fieldsV1 == json(#"{"f:data":{}}"#))
        #expect(managers[1].fields.fieldsV1 == json(#"{"f:data":{"f:a":{}}}"#))
    }

    @Test func explicitManagedFieldsReplaceRecordedOnes() {
        let schema = ObjectSchema.forKind(apiVersion: "v1", kind: "ConfigMap")
        let created = ServerSideApply.update(
            from: nil, to: json(#"{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"c"},"data":{"a":"1"}}"#),
            options: UpdateOptions(manager: "kubectl-client-side-apply", time: "t1", schema: schema))
        let handOver = json(#"""
            [{"manager":"gitops","operation":"Apply","apiVersion":"v1","time":"t1","fieldsType":"FieldsV1","fieldsV1":{"f:data":{"f:a":{}}}}]
            """#)
        var patched = created
        patched.setValue(handOver, at: ["metadata", "managedFields"])
        let recorded = ServerSideApply.update(from: created, to: patched, options: UpdateOptions(manager: "gitops", time: "t2", schema: schema))
        #expect(recorded["metadata"]?["managedFields"] == handOver)
    }

    @Test func missingKeyFieldIsReportedWithPath() {
        let schema = ObjectSchema.forKind(apiVersion: "apps/v1", kind: "Deployment")
        let config = json(#"""
            {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"d"},"spec":{"template":{"spec":{"containers":[{"name":"c","env":[{"value":"x"}]}]}}}}
            """#)
        #expect(throws: ServerSideApplyError.invalid(
            path: #".spec.template.spec.containers[name="c"].env[0]"#,
            reason: #"associative list with keys has an element that omits key field "name" (and doesn't have default value)"#)
        ) {
            try ServerSideApply.apply(config, to: nil, options: ApplyOptions(manager: "m", time: "t", schema: schema))
        }
    }

    @Test func finalizersAreASet() throws {
        let schema = ObjectSchema.forKind(apiVersion: "v1", kind: "ConfigMap")
        let live = try ServerSideApply.apply(
            json(#"{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"c","finalizers":["a"]}}"#), to: nil,
            options: ApplyOptions(manager: "one", time: "t", schema: schema)).object
        let merged = try ServerSideApply.apply(
            json(#"{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"c","finalizers":["b"]}}"#), to: live,
            options: ApplyOptions(manager: "two", time: "t", schema: schema)).object
        #expect(merged.value(at: ["metadata", "finalizers"]) == json(#"["a","b"]"#))
    }
}

extension ServerSideApplyKindsTests {
    @Test func scaleSubresourceUpdateOwnsReplicas() {
        let schema = ObjectSchema.forKind(apiVersion: "apps/v1", kind: "Deployment")
        let old = json(#"{"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"d"},"spec":{"replicas":1}}"#)
        var new = old
        new.setValue(4, at: ["spec", "replicas"])
        let recorded = ServerSideApply.update(
            from: old, to: new, options: UpdateOptions(manager: "kubectl", time: "t", subresource: "scale", schema: schema))
        let entry = ManagedFieldsEntry.decode(recorded["metadata"]?["managedFields"]).first
        #expect(entry?.subresource == "scale")
        #expect(entry?.fields.fieldsV1 == json(#"{"f:spec":{"f:replicas":{}}}"#))
        #expect(entry?.conflictName == #""kubectl" with subresource "scale" using apps/v1"#)
    }
}

extension ServerSideApplyKindsTests {
    @Test func mainResourceWriteWithoutStatusKeepsControllerStatusOwnership() {
        let schema = ObjectSchema.forKind(apiVersion: "apps/v1", kind: "Deployment")
        let base = json(#"{"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"d"},"spec":{"replicas":1}}"#)
        var withStatus = base
        withStatus.setValue(json(#"{"replicas":1}"#), at: ["status"])
        let controlled = ServerSideApply.update(
            from: base, to: withStatus, options: UpdateOptions(manager: "controller", time: "t1", subresource: "status", schema: schema))
        var put = base
        put.setValue(2, at: ["spec", "replicas"])
        put.setValue(controlled["metadata"]!["managedFields"]!, at: ["metadata", "managedFields"])
        let recorded = ServerSideApply.update(from: controlled, to: put, options: UpdateOptions(manager: "kubectl-edit", time: "t2", schema: schema))
        let managers = ManagedFieldsEntry.decode(recorded["metadata"]?["managedFields"])
        #expect(managers.first { $0.manager == "controller" }?.fields.fieldsV1 == json(#"{"f:status":{"f:replicas":{}}}"#))
    }

    @Test func emptyFieldsV1IsTheEmptySet() {
        #expect(FieldSet(fieldsV1: json("{}")).isEmpty)
    }
}
