import CapstanCore
import Testing

@testable import Patching

/// Custom resources whose CRD schema marks list types merge like built-in list-maps.
struct CustomResourceSchemaTests {
    static let schema = ObjectSchema(openAPIV3Schema: json(#"""
        {"type":"object","properties":{"spec":{"type":"object","properties":{
          "routes":{"type":"array","x-kubernetes-list-type":"map","x-kubernetes-list-map-keys":["name","port"],
            "items":{"type":"object","properties":{"name":{"type":"string"},"port":{"type":"integer","default":80},"weight":{"type":"integer"}}}},
          "tags":{"type":"array","x-kubernetes-list-type":"set","items":{"type":"string"}},
          "selector":{"type":"object","x-kubernetes-map-type":"atomic","additionalProperties":{"type":"string"}},
          "args":{"type":"array","items":{"type":"string"}}}}}}
        """#))

    static func widget(_ spec: String) -> JSONValue {
        json(#"{"apiVersion":"example.com/v1","kind":"Widget","metadata":{"name":"w"},"spec":\#(spec)}"#)
    }

    @Test func listMapsSetsAndAtomicsFollowTheSchema() throws {
        let first = try ServerSideApply.apply(
            Self.widget(#"{"routes":[{"name":"a","weight":1}],"tags":["x"],"selector":{"k":"v"},"args":["1"]}"#), to: nil,
            options: ApplyOptions(manager: "one", time: "t", schema: Self.schema)).object
        let fields = ManagedFieldsEntry.decode(first["metadata"]?["managedFields"]).first?.fields.fieldsV1
        #expect(fields == json(#"""
            {"f:spec":{"f:args":{},"f:selector":{},"f:tags":{"v:\"x\"":{}},
              "f:routes":{"k:{\"name\":\"a\",\"port\":80}":{".":{},"f:name":{},"f:weight":{}}}}}
            """#))
        let second = try ServerSideApply.apply(
            Self.widget(#"{"routes":[{"name":"b","weight":2}],"tags":["y"]}"#), to: first,
            options: ApplyOptions(manager: "two", time: "t", schema: Self.schema)).object
        #expect(second["spec"] == json(#"""
            {"routes":[{"name":"a","weight":1},{"name":"b","weight":2}],"tags":["x","y"],"selector":{"k":"v"},"args":["1"]}
            """#))
    }
}
