import CapstanCore
import Testing

@testable import Patching

/// Whatever sequence of applies led to an object, re-applying the last configuration of a manager
/// is a no-op: nothing changes and nothing needs persisting.
struct ApplyIdempotenceTests {
    static let schema = ObjectSchema.forKind(apiVersion: "apps/v1", kind: "Deployment")

    static func config(containers: String, replicas: Int = 1) -> JSONValue {
        json(#"""
            {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"d"},
             "spec":{"replicas":\#(replicas),"template":{"spec":{"containers":\#(containers)}}}}
            """#)
    }

    static let steps: [(manager: String, config: JSONValue)] = [
        ("gitops", config(containers: #"[{"name":"a","image":"a:1"},{"name":"b","image":"b:1"}]"#)),
        ("mesh", json(#"{"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"d"},"spec":{"template":{"spec":{"containers":[{"name":"proxy","image":"envoy"}]}}}}"#)),
        ("gitops", config(containers: #"[{"name":"b","image":"b:2"},{"name":"a","image":"a:1","ports":[{"containerPort":80},{"containerPort":53,"protocol":"UDP"}]}]"#)),
        ("gitops", config(containers: #"[{"name":"a","image":"a:1"}]"#, replicas: 3)),
        ("mesh", json(#"{"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"d"}}"#)),
    ]

    @Test func reapplyingAfterEveryStepIsANoOp() throws {
        var live: JSONValue?
        for (index, step) in Self.steps.enumerated() {
            let options = ApplyOptions(manager: step.manager, force: true, time: "t\(index)", schema: Self.schema)
            let applied = try ServerSideApply.apply(step.config, to: live, options: options).object
            let again = try ServerSideApply.apply(step.config, to: applied, options: options)
            #expect(!again.changed, "step \(index)")
            #expect(again.object == applied, "step \(index)")
            live = applied
        }
        let names = live?.value(at: ["spec", "template", "spec", "containers"])?.arrayValue?.compactMap { $0["name"]?.stringValue }
        #expect(names == ["a"])
        #expect(live?.value(at: ["spec", "replicas"]) == 3)
        #expect(ManagedFieldsEntry.decode(live?["metadata"]?["managedFields"]).map(\.manager) == ["gitops"])
    }
}
