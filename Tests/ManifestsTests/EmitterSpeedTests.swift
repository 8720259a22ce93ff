import CapstanCore
import Foundation
import Testing

@testable import Manifests

/// Guards against pathological slowness of the writer and reader (the real figures come from
/// bench/emitter/run.sh, an optimized build against kubectl).
@Suite struct EmitterSpeedTests {
    @Test func encodesAndDecodesSixHundredObjectsWithoutPathologicalCost() throws {
        let objects = SampleManifests.triples(200)
        let clock = ContinuousClock()
        var text = ""
        let encoding = clock.measure { text = ManifestEncoder.encode(KustomizeLegacyOrder().sorted(objects)) }
        var decoded: [JSONValue] = []
        let decoding = try clock.measure { decoded = try ManifestDecoder.decode(Array(text.utf8), file: "bench.yaml") }
        print("600 objects (debug build) (\(text.utf8.count) bytes): encode \(encoding), decode \(decoding)")
        #expect(decoded.count == objects.count)
        #expect(ManifestEncoder.encode(decoded) == text)
        // A loose bound: the machine is shared, debug code is slow; this only catches quadratic blow-ups.
        #expect(encoding < .seconds(30), "encoding 600 objects took \(encoding)")
    }
}
