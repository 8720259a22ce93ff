import Testing
import YAML

@Suite struct YAMLParserModelTests {
    @Test func keepsEveryScalarStyle() throws {
        let root = try parseRoot("plain: a b\nsingle: 'it''s'\ndouble: \"x\\ty\"\nliteral: |\n  one\n  two\nfolded: >\n  one\n  two\n")
        let expected: [(String, String, YAMLScalarStyle)] = [
            ("plain", "a b", .plain), ("single", "it's", .singleQuoted), ("double", "x\ty", .doubleQuoted),
            ("literal", "one\ntwo\n", .literal), ("folded", "one two\n", .folded),
        ]
        for (key, value, style) in expected {
            #expect(root?[key]?.scalar?.value == value, "\(key)")
            #expect(root?[key]?.scalar?.style == style, "\(key)")
        }
    }

    @Test func keepsMappingKeysInWrittenOrder() throws {
        let root = try parseRoot("zeta: 1\nalpha: 2\nmid: {b: 1, a: 2}\n")
        #expect(keys(root) == ["zeta", "alpha", "mid"])
        #expect(keys(root?["mid"]) == ["b", "a"])
    }

    @Test func recordsOneBasedLinesAndColumnsOnEveryNode() throws {
        let root = try parseRoot("a:\n  - x\n  - {k: v}\nb: 'q'\n")
        #expect(root?.mark == YAMLMark(line: 1, column: 1))
        let items = root?["a"]?.sequence
        #expect(items?.mark == YAMLMark(line: 2, column: 3))
        #expect(items?.items[0].mark == YAMLMark(line: 2, column: 5))
        #expect(items?.items[1].mark == YAMLMark(line: 3, column: 5))
        #expect(items?.items[1]["k"]?.mark == YAMLMark(line: 3, column: 9))
        #expect(root?.mapping?.entries[1].key.mark == YAMLMark(line: 4, column: 1))
        #expect(root?["b"]?.mark == YAMLMark(line: 4, column: 4))
    }

    @Test func countsColumnsInCharactersNotBytes() throws {
        let root = try parseRoot("名前: 値\nnote: é\n")
        #expect(root?["名前"]?.scalar?.value == "値")
        #expect(root?["名前"]?.mark == YAMLMark(line: 1, column: 5))
        #expect(root?["note"]?.scalar?.value == "é")
    }

    @Test func readsEveryDocumentOfAStream() throws {
        let documents = try parse("a: 1\n---\n- x\n...\n--- text\n")
        #expect(documents.count == 3)
        #expect(keys(documents[0].root) == ["a"])
        #expect(documents[1].root?.sequence?.items.count == 1)
        #expect(documents[2].root?.scalar?.value == "text")
        #expect(documents.map(\.mark.line) == [1, 2, 5])
    }

    @Test func givesEmptyDocumentsANilRoot() throws {
        #expect(try parse("").isEmpty)
        #expect(try parse("# only a comment\n").isEmpty)
        let documents = try parse("---\n---\na: 1\n---\n# nothing\n")
        #expect(documents.map { $0.root == nil } == [true, false, true])
        #expect(try parseRoot("--- ''\n")?.scalar?.style == .singleQuoted)
        #expect(try parseRoot("a:\n")?["a"]?.scalar == YAMLScalar(value: "", mark: YAMLMark(line: 1, column: 3)))
    }

    @Test func keepsExplicitTagsInFullForm() throws {
        let root = try parseRoot("a: !!str 1\nb: !custom x\nc: !!map {k: v}\nd: !!seq [1]\ne: 2\nf: ! 3\n")
        #expect(root?["a"]?.tag == "tag:yaml.org,2002:str")
        #expect(root?["b"]?.tag == "!custom")
        #expect(root?["c"]?.mapping?.tag == "tag:yaml.org,2002:map")
        #expect(root?["d"]?.sequence?.tag == "tag:yaml.org,2002:seq")
        #expect(root?["e"]?.tag == nil)
        #expect(root?["f"]?.tag == "!")
    }

    @Test func resolvesAliasesToTheAnchoredNode() throws {
        let root = try parseRoot("base: &b {x: 1}\nname: &n web\ncopy: *b\nalso: *n\nlist: [*n, *b]\n")
        #expect(root?["copy"] == root?["base"])
        #expect(root?["also"] == root?["name"])
        #expect(root?["list"]?.sequence?.items == [root?["name"], root?["base"]].compactMap { $0 })
    }

    @Test func recordsMergeKeysAsPlainEntriesForTheConsumer() throws {
        let root = try parseRoot("base: &b {x: 1}\nderived:\n  <<: *b\n  y: 2\n")
        let derived = root?["derived"]?.mapping
        #expect(keys(root?["derived"]) == ["<<", "y"])
        #expect(derived?.entries[0].key.scalar?.style == .plain)
        #expect(derived?.entries[0].value == root?["base"])
    }

    @Test func skipsAUTF8ByteOrderMark() throws {
        let documents = try YAMLParser.parse([0xEF, 0xBB, 0xBF] + Array("a: 1\n".utf8), file: "bom.yaml")
        #expect(keys(documents.first?.root) == ["a"])
        #expect(documents.first?.root?.mark == YAMLMark(line: 1, column: 1))
    }

    @Test func readsUTF16WithAByteOrderMark() throws {
        var bytes: [UInt8] = [0xFF, 0xFE]
        for unit in "k: é\n".utf16 { bytes += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        let root = try YAMLParser.parse(bytes, file: "utf16.yaml").first?.root
        #expect(root?["k"]?.scalar?.value == "é")
    }

    @Test func treatsCRLFAsOneLineBreak() throws {
        let root = try parseRoot("a: 1\r\nb: |\r\n  x\r\n  y\r\nc: end\r\n")
        #expect(root?["b"]?.scalar?.value == "x\ny\n")
        #expect(root?["c"]?.mark == YAMLMark(line: 5, column: 4))
    }
}

@Suite struct YAMLParserAnchorTests {
    @Test func laterAnchorsOfTheSameNameWin() throws {
        let root = try parseRoot("a: &x one\nb: *x\nc: &x two\nd: *x\n")
        #expect(root?["b"]?.scalar?.value == "one")
        #expect(root?["d"]?.scalar?.value == "two")
    }

    @Test func anchorsKeepTheirTags() throws {
        let root = try parseRoot("a: &x !!int \"7\"\nb: *x\n")
        #expect(root?["b"]?.tag == "tag:yaml.org,2002:int")
        #expect(root?["b"]?.scalar?.style == .doubleQuoted)
    }

    @Test func expandedNodesCountPlainNodesToo() {
        let list = "[" + Array(repeating: "1", count: 50).joined(separator: ",") + "]"
        #expect(parseError(list, limits: YAMLLimits(maxExpandedNodes: 51)) == nil)
        #expect(parseError(list, limits: YAMLLimits(maxExpandedNodes: 50))?.kind == .limit)
    }

    @Test func concurrentParsesAreIndependent() async throws {
        let text = (0..<50).map { "---\nkind: ConfigMap\nmetadata: {name: cm-\($0)}\ndata: {k: v}\n" }.joined()
        let expected = try parse(text)
        try await withThrowingTaskGroup(of: [YAMLDocument].self) { group in
            for _ in 0..<8 { group.addTask { try YAMLParser.parse(text, file: "test.yaml") } }
            for try await documents in group { #expect(documents == expected) }
        }
    }
}
