import CapstanCore
import Foundation
import Testing
import YAML

@testable import Manifests

/// ManifestDecoder reads scalars, tags, anchors and merge keys as kustomize does.
@Suite struct ManifestDecoderTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    /// `Fixtures/scalars/expected.yaml` is `kubectl kustomize` (v5.5.0) over `input.yaml`;
    /// when kubectl is installed the test also checks the golden file is still its output.
    @Test func scalarResolutionMatchesKustomize() throws {
        let directory = Self.fixtures.appendingPathComponent("scalars")
        let input = try #require(Corpus.bytes(directory.appendingPathComponent("input.yaml")))
        let expected = try #require(Corpus.text(directory.appendingPathComponent("expected.yaml")))
        let objects = try ManifestDecoder.decode(input, file: "input.yaml")
        let written = ManifestEncoder.encode(objects)
        if written != expected { try? written.write(toFile: "/tmp/capstan-scalars-ours.yaml", atomically: true, encoding: .utf8) }
        #expect(written == expected, "see /tmp/capstan-scalars-ours.yaml")
        if let kubectl = OracleProcess.kubectlPath() {
            let scratch = try TemporaryDirectory()
            defer { scratch.remove() }
            try Data(input).write(to: URL(fileURLWithPath: scratch.path + "/input.yaml"))
            try "resources:\n- input.yaml\n".write(toFile: scratch.path + "/kustomization.yaml", atomically: true, encoding: .utf8)
            #expect(try OracleProcess.run(kubectl, ["kustomize", scratch.path]) == expected)
        }
    }

    @Test func emptyAndNullDocumentsAreDropped() throws {
        let text = "---\n# only a comment\n---\napiVersion: v1\nkind: A\nmetadata:\n  name: a\n---\n~\n---\nnull\n---\n"
        let objects = try ManifestDecoder.decode(Array(text.utf8), file: "a.yaml")
        #expect(objects.count == 1)
        #expect(objects.first?["kind"] == "A")
    }

    @Test func nonMappingDocumentIsRefusedWithFileAndLine() {
        let text = "apiVersion: v1\nkind: A\nmetadata:\n  name: a\n---\n- a\n- b\n"
        #expect {
            try ManifestDecoder.decode(Array(text.utf8), file: "dir/list.yaml")
        } throws: { error in
            let failure = error as? ManifestDecodeError
            return failure?.file == "dir/list.yaml" && failure?.line == 6 && "\(error)".contains("not a mapping")
        }
    }

    @Test func syntaxErrorsCarryFileAndLine() {
        #expect {
            try ManifestDecoder.decode(Array("a: [1, 2\nb: c\n".utf8), file: "bad.yaml")
        } throws: { error in
            (error as? ManifestDecodeError)?.file == "bad.yaml"
        }
    }

    @Test func infinityIsRefusedLikeKustomize() {
        #expect(throws: ManifestDecodeError.self) {
            try ManifestDecoder.decode(Array("kind: A\nspec:\n  x: .inf\n".utf8), file: "inf.yaml")
        }
    }

    @Test func nestedNonStringKeyIsRefusedLikeKustomize() {
        #expect(throws: ManifestDecodeError.self) {
            try ManifestDecoder.decode(Array("kind: A\nspec:\n  1: x\n".utf8), file: "keys.yaml")
        }
    }

    @Test func kustomizeMergeKeysNeverOverrideExplicitKeys() throws {
        let text = """
            base: &b {k: v, m: base}
            other: &o {m: other, q: 2, k: other}
            spec:
              m: explicit
              <<: [*b, *o]

            """
        let object = try #require(try ManifestDecoder.decode(Array(text.utf8), file: "m.yaml").first)
        #expect(object["spec"] == ["m": "explicit", "k": "v", "q": 2])
    }

    @Test func helmSemanticsFollowYAML11AndFloat64() throws {
        let text = "a: yes\nb: on\nc: 3\nd: 2001-12-14\nspec:\n  1: x\n  true: z\nm:\n  k: 1\n  <<: {k: 2, j: 3}\n"
        let decoder = ManifestDecoder(semantics: .helm)
        let value = try #require(try decoder.decodeValues(Array(text.utf8), file: "values.yaml").first)
        #expect(value["a"] == true)
        #expect(value["b"] == true)
        #expect(value["c"] == .double(3))
        #expect(value["d"] == "2001-12-14")
        #expect(value["spec"] == ["1": "x", "true": "z"])
        // yaml.v2 merges where `<<` stands, so the merged k overrides the earlier explicit one.
        #expect(value["m"] == ["k": .double(2), "j": .double(3)])
    }
}
