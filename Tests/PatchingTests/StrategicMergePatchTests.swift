import CapstanCore
import Testing

@testable import Patching

struct StrategicMergePatchTests {
    let deployment = ObjectSchema.forKind(apiVersion: "apps/v1", kind: "Deployment")

    func patched(_ original: String, _ patch: String, schema: ObjectSchema? = nil) throws -> JSONValue {
        try StrategicMergePatch.apply(json(patch), to: json(original), schema: schema ?? deployment)
    }

    static let twoContainers = #"""
        {"spec":{"template":{"spec":{"containers":[{"name":"a","image":"a:1"},{"name":"b","image":"b:1"}]}}}}
        """#

    @Test func nullDeletesField() throws {
        #expect(try patched(#"{"data":{"mode":"x","keep":"y"}}"#, #"{"data":{"mode":null}}"#) == json(#"{"data":{"keep":"y"}}"#))
    }

    @Test func mergesContainersByName() throws {
        let result = try patched(Self.twoContainers, #"{"spec":{"template":{"spec":{"containers":[{"name":"b","image":"b:2"}]}}}}"#)
        #expect(result == json(#"{"spec":{"template":{"spec":{"containers":[{"name":"a","image":"a:1"},{"name":"b","image":"b:2"}]}}}}"#))
    }

    @Test func newItemGoesBeforeServerOnlyItemsWithoutOrderDirective() throws {
        let result = try patched(Self.twoContainers, #"{"spec":{"template":{"spec":{"containers":[{"name":"c","image":"c:1"}]}}}}"#)
        let names = result.value(at: ["spec", "template", "spec", "containers"])?.arrayValue?.compactMap { $0["name"]?.stringValue }
        #expect(names == ["c", "a", "b"])
    }

    @Test func setElementOrderOrdersTheMergedList() throws {
        let patch = #"""
            {"spec":{"template":{"spec":{"$setElementOrder/containers":[{"name":"b"},{"name":"c"},{"name":"a"}],
             "containers":[{"name":"c","image":"c:1"},{"name":"a","image":"a:2"}]}}}}
            """#
        let result = try patched(Self.twoContainers, patch)
        #expect(result == json(#"""
            {"spec":{"template":{"spec":{"containers":[{"name":"b","image":"b:1"},{"name":"c","image":"c:1"},{"name":"a","image":"a:2"}]}}}}
            """#))
    }

    @Test func kubectlConfigurePatch() throws {
        let original = #"""
            {"spec":{"replicas":2,"template":{"spec":{"containers":[{"name":"web","image":"nginx:1.27","imagePullPolicy":"IfNotPresent"}]}}}}
            """#
        let patch = #"""
            {"spec":{"replicas":3,"template":{"spec":{"$setElementOrder/containers":[{"name":"web"}],"containers":[{"image":"nginx:1.28","name":"web"}]}}}}
            """#
        #expect(try patched(original, patch) == json(#"""
            {"spec":{"replicas":3,"template":{"spec":{"containers":[{"name":"web","image":"nginx:1.28","imagePullPolicy":"IfNotPresent"}]}}}}
            """#))
    }

    @Test func deleteDirectiveRemovesListItem() throws {
        let result = try patched(Self.twoContainers, #"{"spec":{"template":{"spec":{"containers":[{"name":"a","$patch":"delete"}]}}}}"#)
        #expect(result == json(#"{"spec":{"template":{"spec":{"containers":[{"name":"b","image":"b:1"}]}}}}"#))
    }

    @Test func replaceDirectiveReplacesList() throws {
        let patch = #"{"spec":{"template":{"spec":{"containers":[{"name":"z","image":"z:1"},{"$patch":"replace"}]}}}}"#
        #expect(try patched(Self.twoContainers, patch) == json(#"{"spec":{"template":{"spec":{"containers":[{"name":"z","image":"z:1"}]}}}}"#))
    }

    @Test func replaceDirectiveReplacesMap() throws {
        let result = try patched(#"{"metadata":{"labels":{"a":"1","b":"2"}}}"#, #"{"metadata":{"labels":{"c":"3","$patch":"replace"}}}"#)
        #expect(result == json(#"{"metadata":{"labels":{"c":"3"}}}"#))
    }

    @Test func deleteDirectiveEmptiesMap() throws {
        let result = try patched(#"{"metadata":{"labels":{"a":"1"}}}"#, #"{"metadata":{"labels":{"$patch":"delete"}}}"#)
        #expect(result == json(#"{"metadata":{"labels":{}}}"#))
    }

    @Test func retainKeysClearsOtherKeys() throws {
        let original = #"{"spec":{"strategy":{"type":"RollingUpdate","rollingUpdate":{"maxSurge":1}}}}"#
        let result = try patched(original, #"{"spec":{"strategy":{"$retainKeys":["type"],"type":"Recreate"}}}"#)
        #expect(result == json(#"{"spec":{"strategy":{"type":"Recreate"}}}"#))
    }

    @Test func deleteFromPrimitiveListAndUnionOfFinalizers() throws {
        let original = #"{"metadata":{"finalizers":["a","b","c"]}}"#
        let result = try patched(original, #"{"metadata":{"$deleteFromPrimitiveList/finalizers":["b"],"finalizers":["d","a"]}}"#)
        #expect(result == json(#"{"metadata":{"finalizers":["d","a","c"]}}"#))
    }

    @Test func mergesPortsByContainerPortAndEnvByName() throws {
        let original = #"""
            {"spec":{"template":{"spec":{"containers":[{"name":"web","ports":[{"containerPort":80,"protocol":"TCP"}],
             "env":[{"name":"A","value":"1"},{"name":"B","value":"2"}]}]}}}}
            """#
        let patch = #"""
            {"spec":{"template":{"spec":{"containers":[{"name":"web","ports":[{"containerPort":80,"name":"http"}],
             "env":[{"name":"B","value":"3"}]}]}}}}
            """#
        #expect(try patched(original, patch) == json(#"""
            {"spec":{"template":{"spec":{"containers":[{"name":"web","ports":[{"containerPort":80,"protocol":"TCP","name":"http"}],
             "env":[{"name":"A","value":"1"},{"name":"B","value":"3"}]}]}}}}
            """#))
    }

    @Test func customResourceListsAreReplaced() throws {
        let schema = ObjectSchema.forKind(apiVersion: "example.com/v1", kind: "Widget")
        let result = try patched(#"{"spec":{"items":[{"name":"a"}],"keep":1}}"#, #"{"spec":{"items":[{"name":"b"}]}}"#, schema: schema)
        #expect(result == json(#"{"spec":{"items":[{"name":"b"}],"keep":1}}"#))
    }

    @Test func tolerationsAreReplaced() throws {
        let original = #"{"spec":{"template":{"spec":{"tolerations":[{"key":"a"}]}}}}"#
        let result = try patched(original, #"{"spec":{"template":{"spec":{"tolerations":[{"key":"b"}]}}}}"#)
        #expect(result == json(#"{"spec":{"template":{"spec":{"tolerations":[{"key":"b"}]}}}}"#))
    }

    @Test func itemWithoutMergeKeyIsRejected() {
        #expect(throws: PatchError.self) {
            try patched(Self.twoContainers, #"{"spec":{"template":{"spec":{"containers":[{"image":"x"}]}}}}"#)
        }
    }
}
