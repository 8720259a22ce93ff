import CapstanCore
import Testing

@testable import Patching

/// RFC 6902 appendix A examples.
struct JSONPatchTests {
    func patched(_ document: String, _ patch: String) throws -> JSONValue {
        try JSONPatch.apply(json(patch), to: json(document))
    }

    @Test func addsObjectMember() throws {
        #expect(try patched(#"{"foo":"bar"}"#, #"[{"op":"add","path":"/baz","value":"qux"}]"#)
            == json(#"{"baz":"qux","foo":"bar"}"#))
    }

    @Test func addsArrayElement() throws {
        #expect(try patched(#"{"foo":["bar","baz"]}"#, #"[{"op":"add","path":"/foo/1","value":"qux"}]"#)
            == json(#"{"foo":["bar","qux","baz"]}"#))
    }

    @Test func removesObjectMember() throws {
        #expect(try patched(#"{"baz":"qux","foo":"bar"}"#, #"[{"op":"remove","path":"/baz"}]"#)
            == json(#"{"foo":"bar"}"#))
    }

    @Test func removesArrayElement() throws {
        #expect(try patched(#"{"foo":["bar","qux","baz"]}"#, #"[{"op":"remove","path":"/foo/1"}]"#)
            == json(#"{"foo":["bar","baz"]}"#))
    }

    @Test func replacesValue() throws {
        #expect(try patched(#"{"baz":"qux","foo":"bar"}"#, #"[{"op":"replace","path":"/baz","value":"boo"}]"#)
            == json(#"{"baz":"boo","foo":"bar"}"#))
    }

    @Test func movesValue() throws {
        let document = #"{"foo":{"bar":"baz","waldo":"fred"},"qux":{"corge":"grault"}}"#
        #expect(try patched(document, #"[{"op":"move","from":"/foo/waldo","path":"/qux/thud"}]"#)
            == json(#"{"foo":{"bar":"baz"},"qux":{"corge":"grault","thud":"fred"}}"#))
    }

    @Test func movesArrayElement() throws {
        #expect(try patched(#"{"foo":["all","grass","cows","eat"]}"#, #"[{"op":"move","from":"/foo/1","path":"/foo/3"}]"#)
            == json(#"{"foo":["all","cows","eat","grass"]}"#))
    }

    @Test func testsValueSuccessfully() throws {
        let document = #"{"baz":"qux","foo":["a",2,"c"]}"#
        let patch = #"[{"op":"test","path":"/baz","value":"qux"},{"op":"test","path":"/foo/1","value":2}]"#
        #expect(try patched(document, patch) == json(document))
    }

    @Test func failedTestNamesOperationAndPath() {
        #expect(throws: PatchError(operationIndex: 0, path: "/baz", reason: "test failed: the value differs")) {
            try patched(#"{"baz":"qux"}"#, #"[{"op":"test","path":"/baz","value":"bar"}]"#)
        }
    }

    @Test func addsNestedMemberObject() throws {
        #expect(try patched(#"{"foo":"bar"}"#, #"[{"op":"add","path":"/child","value":{"grandchild":{}}}]"#)
            == json(#"{"foo":"bar","child":{"grandchild":{}}}"#))
    }

    @Test func ignoresUnrecognizedMembers() throws {
        #expect(try patched(#"{"foo":"bar"}"#, #"[{"op":"add","path":"/baz","value":"qux","xyz":123}]"#)
            == json(#"{"foo":"bar","baz":"qux"}"#))
    }

    @Test func addToNonexistentTargetFails() {
        #expect(throws: PatchError.self) {
            try patched(#"{"foo":"bar"}"#, #"[{"op":"add","path":"/baz/bat","value":"qux"}]"#)
        }
    }

    @Test func unescapesPointerTokens() throws {
        let document = #"{"/":9,"~1":10}"#
        let patch = #"[{"op":"test","path":"/~01","value":10},{"op":"replace","path":"/~1","value":1}]"#
        #expect(try patched(document, patch) == json(#"{"/":1,"~1":10}"#))
    }

    @Test func comparesStringsAndNumbersStrictly() {
        #expect(throws: PatchError.self) {
            try patched(#"{"/":9,"~1":10}"#, #"[{"op":"test","path":"/~01","value":"10"}]"#)
        }
    }

    @Test func addsArrayValue() throws {
        #expect(try patched(#"{"foo":["bar"]}"#, #"[{"op":"add","path":"/foo/-","value":["abc","def"]}]"#)
            == json(#"{"foo":["bar",["abc","def"]]}"#))
    }

    @Test func copiesValue() throws {
        #expect(try patched(#"{"a":{"b":1}}"#, #"[{"op":"copy","from":"/a","path":"/c"}]"#)
            == json(#"{"a":{"b":1},"c":{"b":1}}"#))
    }

    @Test func errorNamesSecondOperation() {
        #expect(throws: PatchError(operationIndex: 1, path: "/missing", reason: "member \"missing\" does not exist")) {
            try patched(#"{"a":1}"#, #"[{"op":"replace","path":"/a","value":2},{"op":"remove","path":"/missing"}]"#)
        }
    }

    @Test func rejectsOutOfRangeIndex() {
        #expect(throws: PatchError.self) {
            try patched(#"{"foo":["bar"]}"#, #"[{"op":"add","path":"/foo/5","value":1}]"#)
        }
    }

    @Test func missingValueIsMalformed() throws {
        do {
            _ = try patched(#"{}"#, #"[{"op":"add","path":"/a"}]"#)
            Issue.record("expected an error")
        } catch let error as PatchError {
            #expect(error.isMalformed)
        }
    }

    @Test func replacesWholeDocument() throws {
        #expect(try patched(#"{"a":1}"#, #"[{"op":"replace","path":"","value":{"b":2}}]"#) == json(#"{"b":2}"#))
    }

    @Test func movingIntoOwnChildIsMalformed() {
        #expect(throws: PatchError.self) {
            try patched(#"{"a":{"b":1}}"#, #"[{"op":"move","from":"/a","path":"/a/c"}]"#)
        }
    }
}
