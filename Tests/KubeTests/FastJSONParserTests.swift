import CapstanCore
import Kube
import Testing

@Suite struct FastJSONParserTests {
    static let texts: [String] = [
        #"{"a":1,"b":[true,false,null],"c":{"d":"e"}}"#,
        #"  [ 1 , -0 , 0.5 , -1.5e3 , 1E2 , 9223372036854775807 , -9223372036854775808 , 9223372036854775808 , 123456789012345678901234567890 ]  "#,
        #""plain""#,
        #""esc\"aped\\ \/ \b\f\n\r\t \u00e9 \ud83d\ude00 \ud800 lone \udc00""#,
        #""héllo wörld — ✓""#,
        #"{"k":"v","k":"w"}"#,
        #"{}"#, #"[]"#, #"[[[]]]"#, "3", "-7", "0",
        #"{"metadata":{"name":"x","managedFields":[{"manager":"m","fieldsV1":{"f:a":{}}}]},"spec":{"managedFields":1}}"#,
    ]

    @Test(arguments: texts)
    func readsWhatJSONValueParseReads(text: String) throws {
        #expect(try FastJSONParser().parse(Array(text.utf8)) == JSONValue.parse(text))
    }

    static let invalid: [String] = [
        "", "{", "[1,]", #"{"a" 1}"#, #"{"a":1,}"#, "01", "1.", "-", "1e", #""\x""#, "\"a\u{01}\"", #""\u12""#,
        "tru", "nul", "{} {}", #"{"a":[1 2]}"#, #""unterminated"#,
    ]

    @Test(arguments: invalid)
    func refusesWhatJSONValueParseRefuses(text: String) {
        #expect((try? JSONValue.parse(text)) == nil)
        #expect((try? FastJSONParser().parse(Array(text.utf8))) == nil)
        #expect((try? FastJSONParser(omittingManagedFields: true).parse(Array(text.utf8))) == nil)
    }

    @Test func omitsManagedFieldsOnlyUnderMetadata() throws {
        let text = #"{"items":[{"metadata":{"name":"x","managedFields":[{"manager":"m","fieldsV1":{"f:a":{"\u0041":[1,{}]}}}]},"spec":{"managedFields":1}}]}"#
        let parsed = try FastJSONParser(omittingManagedFields: true).parse(Array(text.utf8))
        #expect(parsed == ["items": [["metadata": ["name": "x"], "spec": ["managedFields": 1]]]])
    }

    @Test func skippedManagedFieldsMustStillBeJSON() {
        let text = #"{"metadata":{"managedFields":[{"a":1,}]}}"#
        #expect((try? FastJSONParser(omittingManagedFields: true).parse(Array(text.utf8))) == nil)
    }

    @Test(arguments: [
        #"{"a":1,"a":2}"#, "[1e400]", #""\ud83d\ude00""#, "\"\u{7F}\"", "\"\u{85}x\u{9F}\"", "\"\u{FEFF}\"",
    ])
    func matchingYAMLRefusesWhatYAMLReadsDifferently(text: String) {
        #expect((try? FastJSONParser().parse(Array(text.utf8))) != nil)
        #expect((try? FastJSONParser(matchingYAML: true).parse(Array(text.utf8))) == nil)
    }

    @Test func matchingYAMLRefusesInvalidUTF8() {
        let bytes: [UInt8] = [0x22, 0xC3, 0x28, 0x22]
        #expect((try? FastJSONParser().parse(bytes)) == .string("\u{FFFD}("))
        #expect((try? FastJSONParser(matchingYAML: true).parse(bytes)) == nil)
    }

    @Test func matchingYAMLKeepsOrdinaryText() throws {
        let text = #"{"name":"héllo ✓","n":[1,2.5,-3],"nel":"a\u0085b"}"#
        #expect(try FastJSONParser(matchingYAML: true).parse(Array(text.utf8)) == JSONValue.parse(text))
    }

    @Test func refusesNestingDeeperThanTheLimit() {
        let deep = String(repeating: "[", count: 600) + String(repeating: "]", count: 600)
        #expect((try? FastJSONParser().parse(Array(deep.utf8))) == nil)
    }
}
