import CapstanCore
import Foundation
import Testing

@testable import Manifests

/// Keeps the writer and reader fast enough for the renderer's budget (1 500 objects, ≥ 10× kubectl).
@Suite struct EmitterSpeedTests {
    @Test func encodesAndDecodesFifteenHundredObjectsQuickly() throws {
        let objects = SampleManifests.triples(500)
        let clock = ContinuousClock()
        var text = ""
        let encoding = clock.measure { text = ManifestEncoder.encode(KustomizeLegacyOrder().sorted(objects)) }
        var decoded: [JSONValue] = []
        let decoding = try clock.measure { decoded = try ManifestDecoder.decode(Array(text.utf8), file: "bench.yaml") }
        print("1500 objects (\(text.utf8.count) bytes): encode \(encoding), decode \(decoding)")
        #expect(decoded.count == objects.count)
        #expect(ManifestEncoder.encode(decoded) == text)
        #expect(encoding < .seconds(2), "encoding 1 500 objects took \(encoding)")
    }
}
