// Benchmark driver: reads every *.yaml under a directory (sorted by name), decodes, orders and
// writes them as kustomize does, and prints the stream to stdout, like `kubectl kustomize` on
// a kustomization that lists the same files.
import CapstanCore
import Foundation
import Manifests

let directory = CommandLine.arguments[1]
let names = try FileManager.default.contentsOfDirectory(atPath: directory)
    .filter { $0.hasSuffix(".yaml") && $0 != "kustomization.yaml" }.sorted()
var objects: [JSONValue] = []
for name in names {
    let bytes = [UInt8](FileManager.default.contents(atPath: directory + "/" + name)!)
    objects += try ManifestDecoder.decode(bytes, file: name)
}
let output = ManifestEncoder.encodeBytes(KustomizeLegacyOrder().sorted(objects))
output.withUnsafeBufferPointer { buffer in _ = fwrite(buffer.baseAddress, 1, buffer.count, stdout) }
