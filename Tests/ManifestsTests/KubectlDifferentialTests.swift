import CapstanCore
import Foundation
import Testing

@testable import Manifests

/// Generated values written by `kubectl kustomize` (the oracle) and by ManifestEncoder must be
/// the same bytes. The input is YAML in JSON form, so this needs no YAML parser of ours.
@Suite struct KubectlDifferentialTests {
    @Test func generatedValuesMatchKubectlKustomize() throws {
        guard let kubectl = OracleProcess.kubectlPath() else {
            print("kubectl not found: skipping the kubectl differential test")
            return
        }
        let seed = ProcessInfo.processInfo.environment["CAPSTAN_DIFF_SEED"].flatMap { UInt64($0) } ?? 0x5EED_CAFE
        var generator = ValueGenerator(seed: seed)
        var objects: [JSONValue] = []
        var index = 0
        while objects.count < 40 {
            index += 1
            var data: [String: JSONValue] = [:]
            for _ in 0..<25 { data[generator.key()] = generator.value(depth: 0) }
            // Where go-yaml's key order is not a total order kustomize's output varies run to run.
            guard Self.keyOrderIsTotal(.object(data)) else { continue }
            objects.append([
                "apiVersion": "example.com/v1", "kind": "Probe",
                "metadata": ["name": .string("p\(index)")], "spec": .object(data),
            ])
        }
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let resource = objects.map(YAMLFlowText.write).joined(separator: "\n---\n")
        try resource.write(toFile: directory.path + "/objects.yaml", atomically: true, encoding: .utf8)
        try "resources:\n- objects.yaml\n".write(toFile: directory.path + "/kustomization.yaml", atomically: true, encoding: .utf8)
        let oracle = try OracleProcess.run(kubectl, ["kustomize", directory.path])
        let ours = ManifestEncoder.encode(KustomizeLegacyOrder().sorted(objects))
        let oracleDocs = oracle.components(separatedBy: "\n---\n")
        let ourDocs = ours.components(separatedBy: "\n---\n")
        let same = zip(oracleDocs, ourDocs).filter { $0 == $1 }.count
        print("kubectl differential: \(same)/\(oracleDocs.count) generated objects byte-identical")
        if oracle != ours {
            try ours.write(toFile: "/tmp/capstan-emitter-ours.yaml", atomically: true, encoding: .utf8)
            try oracle.write(toFile: "/tmp/capstan-emitter-oracle.yaml", atomically: true, encoding: .utf8)
            try resource.write(toFile: "/tmp/capstan-emitter-input.yaml", atomically: true, encoding: .utf8)
        }
        #expect(oracle == ours, "see /tmp/capstan-emitter-ours.yaml and /tmp/capstan-emitter-oracle.yaml")
    }

    static func keyOrderIsTotal(_ value: JSONValue) -> Bool {
        switch value {
        case .object(let members):
            let keys = GoKeyOrder.sorted(members.keys)
            for i in keys.indices {
                for j in keys.indices where j > i && GoKeyOrder.less(keys[j], keys[i]) { return false }
            }
            return members.values.allSatisfy(keyOrderIsTotal)
        case .array(let items): return items.allSatisfy(keyOrderIsTotal)
        default: return true
        }
    }
}
