import CapstanCore
import Testing

@Suite struct JSONValueTests {
    @Test func parsesAndSerializesWithSortedKeys() throws {
        let value = try JSONValue.parse(#"{"b":[1,2.5,true,null],"a":"x\n\u00e9\ud83d\ude00"}"#)
        #expect(value["b"] == [1, 2.5, true, nil])
        #expect(value["a"] == .string("x\né😀"))
        #expect(value.serialized() == #"{"a":"x\né😀","b":[1,2.5,true,null]}"#)
    }

    @Test func escapesHTMLCharactersOnlyWhenAsked() {
        let value: JSONValue = ["a<b>&c": "x <y> & z \u{2028} \u{2029}"]
        #expect(value.serialized() == "{\"a<b>&c\":\"x <y> & z \u{2028} \u{2029}\"}")
        #expect(value.serialized(escapingHTML: false) == value.serialized())
        #expect(value.serialized(escapingHTML: true)
            == #"{"a\u003cb\u003e\u0026c":"x \u003cy\u003e \u0026 z \u2028 \u2029"}"#)
    }

    @Test func keepsIntegersAndDoublesApart() throws {
        #expect(try JSONValue.parse("3") == .int(3))
        #expect(try JSONValue.parse("3.0") == .double(3))
        #expect(try JSONValue.parse("1e3") == .double(1000))
        #expect(try JSONValue.parse("-0") == .int(0))
    }

    @Test(arguments: ["", "{", "[1,]", "{\"a\" 1}", "tru", "01", "\"\u{01}\"", "[1] x", "1.", "\"\\x\""])
    func refusesMalformedText(_ text: String) {
        #expect(throws: JSONParseError.self) { try JSONValue.parse(text) }
    }

    @Test func refusesNestingPastTheLimit() {
        let deep = String(repeating: "[", count: 600) + String(repeating: "]", count: 600)
        #expect(throws: JSONParseError.self) { try JSONValue.parse(deep) }
        #expect(throws: Never.self) { try JSONValue.parse(deep, maxDepth: 700) }
    }

    @Test func identityPrintsKindNamespaceName() {
        let object: JSONValue = ["apiVersion": "apps/v1", "kind": "Deployment", "metadata": ["name": "web", "namespace": "shop"]]
        #expect(ObjectIdentity(of: object)?.description == "Deployment/shop/web")
        #expect(ObjectIdentity(of: object)?.group == "apps")
    }

    @Test func digestAndRevisionRoundTrip() {
        let digest = Digest(of: Array("hello".utf8))
        #expect(digest.description == "sha256:2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824")
        #expect(Digest(digest.description) == digest)
        #expect(Digest("sha256:XYZ") == nil)
        let revision = Revision("main@sha1:0123456789abcdef0123456789abcdef01234567")
        #expect(revision?.ref == "main")
        #expect(revision?.description == "main@sha1:0123456789abcdef0123456789abcdef01234567")
        #expect(Revision("sha1:0123456789abcdef0123456789abcdef01234567")?.ref == "")
    }
}
