import CapstanCore
import Testing

@testable import Patching

/// kubectl's managedFields hand-over from client-side to server-side apply, as the wire notes
/// record it: SSA, then a JSON patch replacing managedFields, then SSA again, which prunes.
struct ClientSideApplyUpgradeTests {
    static let schema = ObjectSchema.forKind(apiVersion: "v1", kind: "ConfigMap")

    @Test func handOverThenReapplyPrunesFieldsOnlyClientSideApplySet() throws {
        let manifest = json(#"{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"c","labels":{"a":"1","b":"2"}},"data":{"x":"1","y":"2"}}"#)
        let created = ServerSideApply.update(
            from: nil, to: manifest, options: UpdateOptions(manager: "kubectl-client-side-apply", time: "t1", schema: Self.schema))

        // 1. SSA with the same values: shared ownership, no conflict.
        let applied = try ServerSideApply.apply(
            manifest, to: created, options: ApplyOptions(manager: "gitops", time: "t2", schema: Self.schema)).object
        let managers = ManagedFieldsEntry.decode(applied["metadata"]?["managedFields"])
        #expect(managers.map(\.manager) == ["gitops", "kubectl-client-side-apply"])

        // 2. kubectl replaces managedFields: one gitops Apply entry owning the union.
        let union = managers.reduce(FieldSet()) { $0.union($1.fields) }
        let handOver = ManagedFieldsEntry.encode([
            ManagedFieldsEntry(manager: "gitops", operation: .apply, apiVersion: "v1", time: "t2", fields: union)
        ])
        let patch = JSONValue.array([
            .object(["op": "replace", "path": "/metadata/managedFields", "value": handOver])
        ])
        let patched = try JSONPatch.apply(patch, to: applied)
        let handedOver = ServerSideApply.update(
            from: applied, to: patched, options: UpdateOptions(manager: "gitops", time: "t3", schema: Self.schema))
        #expect(handedOver["metadata"]?["managedFields"] == handOver)

        // 3. The manifest lost label b and data y: both go, nobody else owns them.
        let trimmed = json(#"{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"c","labels":{"a":"1"}},"data":{"x":"1"}}"#)
        let result = try ServerSideApply.apply(
            trimmed, to: handedOver, options: ApplyOptions(manager: "gitops", time: "t4", schema: Self.schema))
        #expect(result.changed)
        var content = result.object
        content.removeManagedFields()
        #expect(content == trimmed)
        #expect(ManagedFieldsEntry.decode(result.object["metadata"]?["managedFields"]).first?.fields.fieldsV1
            == json(#"{"f:data":{"f:x":{}},"f:metadata":{"f:labels":{"f:a":{}}}}"#))
    }
}
