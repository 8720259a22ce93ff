import CapstanCore
import Testing

@testable import Patching

struct FieldSetTests {
    static let fieldsV1 = json(#"""
        {"f:metadata":{"f:labels":{".":{},"f:app":{}}},
         "f:spec":{"f:template":{"f:spec":{"f:containers":{"k:{\"name\":\"web\"}":{".":{},"f:image":{}}}}},
          "f:finalizers":{"v:\"a\"":{}}}}
        """#)

    @Test func fieldsV1RoundTrips() {
        let set = FieldSet(fieldsV1: Self.fieldsV1)
        #expect(set.fieldsV1 == Self.fieldsV1)
        #expect(set.count == 5)
        #expect(set.contains(["f:metadata", "f:labels"]))
        #expect(!set.contains(["f:metadata"]))
        #expect(set.contains(["f:spec", "f:template", "f:spec", "f:containers", #"k:{"name":"web"}"#, "f:image"]))
    }

    @Test func algebraKeepsOnlyNonEmptyNodes() {
        let set = FieldSet(fieldsV1: Self.fieldsV1)
        var labels = FieldSet()
        labels.insert(["f:metadata", "f:labels"])
        labels.insert(["f:metadata", "f:labels", "f:app"])
        let rest = set.subtracting(labels)
        #expect(rest.children["f:metadata"] == nil)
        #expect(set.intersection(labels) == labels)
        #expect(rest.union(labels) == set)
        var metadata = FieldSet()
        metadata.insert(["f:metadata"])
        #expect(set.subtractingRecursively(metadata).children["f:metadata"] == nil)
        #expect(set.subtracting(metadata) == set)
    }

    @Test func describesPathsLikeStructuredMergeDiff() {
        #expect(FieldSet.describe(["f:spec", "f:replicas"]) == ".spec.replicas")
        #expect(FieldSet.describe([
            "f:spec", "f:containers", #"k:{"name":"web"}"#, "f:ports", #"k:{"containerPort":80,"protocol":"TCP"}"#,
        ]) == #".spec.containers[name="web"].ports[containerPort=80,protocol="TCP"]"#)
        #expect(FieldSet.describe(["f:metadata", "f:finalizers", #"v:"a""#]) == #".metadata.finalizers[="a"]"#)
    }

    @Test func managedFieldsEntriesSortAsTheServerDoes() {
        let entries = [
            ManagedFieldsEntry(manager: "b", operation: .update, apiVersion: "v1", time: "2026-01-01T00:00:00Z", fields: .member),
            ManagedFieldsEntry(manager: "z", operation: .apply, apiVersion: "v1", time: "2026-01-02T00:00:00Z", fields: .member),
            ManagedFieldsEntry(manager: "a", operation: .update, apiVersion: "v1", time: "2026-01-01T00:00:00Z", fields: .member),
            ManagedFieldsEntry(manager: "gone", operation: .update, apiVersion: "v1", time: nil, fields: FieldSet()),
        ]
        let encoded = ManagedFieldsEntry.encode(entries)
        #expect(encoded.arrayValue?.compactMap { $0["manager"]?.stringValue } == ["z", "a", "b"])
        #expect(ManagedFieldsEntry.decode(encoded).count == 3)
    }

    @Test func updateEntriesBeyondTenMergeIntoAncientChanges() {
        let entries = (0..<12).map { index in
            ManagedFieldsEntry(
                manager: "m\(index)", operation: .update, apiVersion: "v1", time: "2026-01-01T00:00:\(10 + index)Z",
                fields: FieldSet(keyPaths: [["f\(index)"]]))
        }
        let capped = ManagedFieldsEntry.capUpdates(entries)
        #expect(capped.count == 10)
        let ancient = capped.first { $0.manager == "ancient-changes" }
        #expect(ancient?.fields == FieldSet(keyPaths: [["f0"], ["f1"], ["f2"]]))
    }
}

extension FieldSetTests {
    @Test func schemaLookupByGroupOrApiVersion() {
        #expect(ObjectSchema.builtin(group: "apps", kind: "Deployment")?.isBuiltin == true)
        #expect(ObjectSchema.builtin(apiVersion: "v1", kind: "Service")?.isBuiltin == true)
        #expect(ObjectSchema.builtin(apiVersion: "example.com/v1", kind: "Widget") == nil)
        #expect(!ObjectSchema.forKind(group: "example.com", kind: "Widget").isBuiltin)
    }
}
