import Testing
import YAML

@Suite struct YAMLParserErrorTests {
    @Test func syntaxErrorsCarryFileLineColumnAndLibyamlReason() {
        let error = parseError("a: b: c\n")
        #expect(error == YAMLError(file: "test.yaml", line: 1, column: 5, reason: "mapping values are not allowed in this context"))
        #expect(error?.description == "test.yaml:1:5: mapping values are not allowed in this context")
    }

    @Test func syntaxErrorsNameLibyamlsContext() {
        let error = parseError("a:\n  b: 1\n c: 2\n")
        #expect(error?.line == 3)
        #expect(error?.column == 2)
        #expect(error?.reason == "did not find expected key (while parsing a block mapping at line 1, column 1)")
        #expect(error?.kind == .syntax)
    }

    @Test func unterminatedQuotesPointAtTheirStart() {
        let error = parseError("a: \"open\nb: 1\n")
        #expect(error?.reason.contains("while scanning a quoted scalar at line 1, column 4") == true)
    }

    @Test func invalidUTF8IsASyntaxErrorWithAPosition() {
        let bytes = Array("a: 1\nb: ".utf8) + [0xFF] + Array("\n".utf8)
        #expect(throws: YAMLError.self) { try YAMLParser.parse(bytes, file: "bad.yaml") }
        do {
            _ = try YAMLParser.parse(bytes, file: "bad.yaml")
        } catch {
            #expect(error.line == 2)
            #expect(error.column == 4)
            #expect(error.reason.hasPrefix("invalid leading UTF-8 octet at byte offset 8"))
        }
    }

    @Test func duplicateKeysNameBothLines() {
        let error = parseError("a: 1\nb: 2\na: 3\n")
        #expect(error == YAMLError(file: "test.yaml", line: 3, column: 1, reason: "mapping key \"a\" already defined at line 1", kind: .invalid))
    }

    @Test func duplicateKeysAreFoundInFlowAndLargeMappings() {
        #expect(parseError("{x: 1, y: 2, x: 3}")?.reason == "mapping key \"x\" already defined at line 1")
        let many = (0..<40).map { "k\($0): \($0)\n" }.joined() + "k7: again\n"
        #expect(parseError(many)?.line == 41)
        #expect(parseError(many)?.reason == "mapping key \"k7\" already defined at line 8")
    }

    @Test func keysThatCollideInJSONAreDuplicates() {
        #expect(parseError("1: a\n\"1\": b\n")?.reason == "mapping key \"1\" already defined at line 1")
        #expect(parseError("? [a, b]\n: 1\n? [a, b]\n: 2\n")?.reason == "mapping key (a sequence) already defined at line 1")
        #expect(parseError("a: {k: 1}\nb: {k: 1}\n") == nil)
    }

    @Test func aliasesMustNameAnEarlierAnchor() {
        #expect(parseError("a: *nowhere\n")?.reason == "alias *nowhere names no anchor defined before it in this document")
        #expect(parseError("a: &x 1\n---\nb: *x\n")?.line == 3)
        #expect(parseError("a: &loop [*loop]\n")?.reason == "alias *loop refers to a node that contains it; recursive aliases are not supported")
    }
}
