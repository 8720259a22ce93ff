import Testing
import YAML

@Suite struct YAMLParserLimitTests {
    /// The classic billion-laughs document: nine levels, each nine aliases of the one before.
    static let billionLaughs: String = {
        var lines = ["a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]"]
        for (index, name) in ["b", "c", "d", "e", "f", "g", "h", "i"].enumerated() {
            let previous = index == 0 ? "a" : ["b", "c", "d", "e", "f", "g", "h"][index - 1]
            lines.append("\(name): &\(name) [" + Array(repeating: "*\(previous)", count: 9).joined(separator: ",") + "]")
        }
        return lines.joined(separator: "\n") + "\n"
    }()

    @Test func billionLaughsFailsFastOnExpandedNodes() {
        let clock = ContinuousClock()
        var error: YAMLError?
        let elapsed = clock.measure { error = parseError(Self.billionLaughs) }
        #expect(error?.kind == .limit)
        #expect(error?.reason.hasPrefix("the document expands to more than 1000000 nodes (limit maxExpandedNodes)") == true)
        #expect(error?.line == 7)
        #expect(elapsed < .seconds(1))
    }

    @Test func aliasCountIsBounded() {
        let text = "a: &a x\nlist: [" + Array(repeating: "*a", count: 11).joined(separator: ", ") + "]\n"
        let error = parseError(text, limits: YAMLLimits(maxAliases: 10))
        #expect(error?.reason == "more than 10 aliases in one document (limit maxAliases)")
        #expect(error?.column == 48)
        #expect(parseError(text, limits: YAMLLimits(maxAliases: 11)) == nil)
    }

    @Test func nestingDepthIsBounded() {
        let deep = String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)
        let error = parseError(deep)
        #expect(error == YAMLError(file: "test.yaml", line: 1, column: 513, reason: "nesting deeper than 512 levels (limit maxDepth)", kind: .limit))
        let block = (0..<5).map { String(repeating: "  ", count: $0) + "k\($0):\n" }.joined() + "          leaf: 1\n"
        #expect(parseError(block, limits: YAMLLimits(maxDepth: 5))?.line == 6)
        #expect(parseError(block, limits: YAMLLimits(maxDepth: 6)) == nil)
    }

    @Test func documentSizeIsBoundedInBytes() {
        let limits = YAMLLimits(maxDocumentBytes: 20)
        #expect(parseError("a: 1\n---\nb: 2\n", limits: limits) == nil)
        let big = "a: 1\n---\nkey: " + String(repeating: "x", count: 40) + "\n"
        #expect(parseError(big, limits: limits) == YAMLError(file: "test.yaml", line: 2, column: 1, reason: "the document is larger than 20 bytes (limit maxDocumentBytes)", kind: .limit))
        // Ten characters but thirty bytes: the limit is on bytes.
        let wide = "k: " + String(repeating: "値", count: 10) + "\n"
        #expect(parseError(wide, limits: limits)?.kind == .limit)
        #expect(parseError(wide, limits: YAMLLimits(maxDocumentBytes: 40)) == nil)
    }

    @Test func documentCountIsBounded() {
        let stream = Array(repeating: "--- x\n", count: 4).joined()
        #expect(parseError(stream, limits: YAMLLimits(maxDocuments: 4)) == nil)
        let error = parseError(stream, limits: YAMLLimits(maxDocuments: 3))
        #expect(error == YAMLError(file: "test.yaml", line: 4, column: 1, reason: "the stream holds more than 3 documents (limit maxDocuments)", kind: .limit))
    }
}
