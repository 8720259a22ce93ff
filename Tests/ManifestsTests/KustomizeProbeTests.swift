import CapstanCore
import Foundation
import Testing

@testable import Manifests

/// The corpus probes list plain resource files: decoding them, ordering them the legacy way and
/// encoding them must give kustomize's output exactly (FIFO order for `expected-fifo.yaml`).
@Suite struct KustomizeProbeTests {
    @Test(arguments: ["legacy-order", "yaml-keys-numbers", "yaml-scalar-styles"])
    func probeInputsRenderLikeKustomize(probe: String) throws {
        let directory = Corpus.root.appendingPathComponent("kustomize/probes/\(probe)")
        let input = directory.appendingPathComponent("input")
        let kustomization = try #require(Corpus.bytes(input.appendingPathComponent("kustomization.yaml")))
        let resources = try #require(try ManifestDecoder.decode(kustomization, file: "kustomization.yaml").first?["resources"]?.arrayValue)
        var objects: [JSONValue] = []
        for resource in resources {
            let name = try #require(resource.stringValue)
            let bytes = try #require(Corpus.bytes(input.appendingPathComponent(name)))
            objects += try ManifestDecoder.decode(bytes, file: name)
        }
        let expected = try #require(Corpus.text(directory.appendingPathComponent("expected.yaml")))
        let written = ManifestEncoder.encode(KustomizeLegacyOrder().sorted(objects))
        if probe == "yaml-scalar-styles" {
            // KNOWN-DIFFERENCES.md: a uint64 above Int64.max comes back as the nearest double.
            let adjusted = expected.replacingOccurrences(of: "big: 12345678901234567890", with: "big: 12345678901234567000")
            #expect(written == adjusted)
        } else {
            #expect(written == expected)
        }
        let fifo = directory.appendingPathComponent("expected-fifo.yaml")
        if let expectedFIFO = Corpus.text(fifo) {
            #expect(ManifestEncoder.encode(objects) == expectedFIFO)
        }
    }
}
