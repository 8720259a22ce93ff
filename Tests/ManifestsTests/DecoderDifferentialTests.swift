import CapstanCore
import Foundation
import Testing

@testable import Manifests

/// Generated plain scalars (numbers in every spelling, dates, booleans, words) read by
/// ManifestDecoder and written back must equal what `kubectl kustomize` makes of the same file.
@Suite struct DecoderDifferentialTests {
    @Test func generatedPlainScalarsResolveLikeKustomize() throws {
        guard let kubectl = OracleProcess.kubectlPath() else {
            print("kubectl not found: skipping the decoder differential test")
            return
        }
        let seed = ProcessInfo.processInfo.environment["CAPSTAN_DIFF_SEED"].flatMap { UInt64($0) } ?? 0xDEC0DE
        var generator = ValueGenerator(seed: seed)
        var lines = ["apiVersion: v1", "kind: ConfigMap", "metadata:", "  name: scalars", "spec:"]
        for index in 0..<400 { lines.append("  k\(index): \(Self.plainToken(&generator))") }
        let input = lines.joined(separator: "\n") + "\n"
        let scratch = try TemporaryDirectory()
        defer { scratch.remove() }
        try input.write(toFile: scratch.path + "/input.yaml", atomically: true, encoding: .utf8)
        try "resources:\n- input.yaml\n".write(toFile: scratch.path + "/kustomization.yaml", atomically: true, encoding: .utf8)
        let oracle = try OracleProcess.run(kubectl, ["kustomize", scratch.path])
        let ours = ManifestEncoder.encode(try ManifestDecoder.decode(Array(input.utf8), file: "input.yaml"))
        let oracleLines = Set(oracle.split(separator: "\n"))
        let differing = ours.split(separator: "\n").filter { !oracleLines.contains($0) }
        print("decoder differential: \(400 - differing.count)/400 generated scalars read like kustomize")
        #expect(differing.isEmpty, "ours, not in kubectl's output: \(differing.prefix(20))")
    }

    /// A token that is a valid plain scalar in block context and never `.inf`/`.nan` or beyond uint64.
    static func plainToken(_ generator: inout ValueGenerator) -> String {
        let signs = ["", "", "-", "+"]
        let digits = { (generator: inout ValueGenerator, count: Int) -> String in
            String((0..<count).map { _ in Character(String(generator.next() % 10)) })
        }
        switch generator.next() % 12 {
        case 0: return generator.pick(signs) + digits(&generator, Int(generator.next() % 12) + 1)
        case 1: return generator.pick(signs) + digits(&generator, Int(generator.next() % 4) + 1) + "." + digits(&generator, Int(generator.next() % 4))
        case 2: return generator.pick(signs) + digits(&generator, 1) + generator.pick(["e", "E"]) + generator.pick(["", "+", "-"]) + digits(&generator, Int(generator.next() % 3) + 1)
        case 3: return generator.pick(["0x", "0X", "0o", "0O", "0b", "0B", "0", "00"]) + generator.pick(["1F", "17", "101", "8", "", "G", "7_7", "ff"])
        case 4: return digits(&generator, 1) + generator.pick(["_", "__", ""]) + digits(&generator, 3) + generator.pick(["", ".5", "_0"])
        case 5:
            let year = 1990 + Int(generator.next() % 40)
            return "\(year)-\(generator.pick(["1", "01", "12", "13", "02", "2"]))-\(generator.pick(["1", "01", "29", "30", "31", "28"]))"
                + generator.pick(["", "", "T10:20:30Z", "t1:2:3.5-05:00", " 10:20:30.25", "T10:20:30+01:00", "T25:00:00Z", "T10:20:30.123456789Z", "T10:20"])
        case 6: return generator.pick(["yes", "Yes", "YES", "no", "No", "on", "On", "off", "OFF", "y", "Y", "n", "N", "true", "True", "TRUE", "false", "False", "tRue", "null", "Null", "NULL", "~", "nULL"])
        case 7: return generator.pick(["1:20", "190:20:30", "1:60", "-1:20.5", "1:2:3", "12:34:56.7_8"])
        case 8: return generator.pick([".5", ".5e3", ".e3", ".", "5.", "-.5", "+.5E-2", "1.2.3", "1e", "e1", "0.0", "-0", "-0.0", "00.5", "09", "08.5", ".5_0", "._5", ".5__0", ".5_", ".1_2e1_0"])
        case 9: return generator.pick(["abc", "a b", "hello world", "x:y", "a#b", "-x", "?x", "é", "1a", "a1", "1_", "_1", "0x_1F", "1__0", "+", "12e5x"])
        case 10: return generator.pick(["0b", "0o", "0x", "-0b101", "-0o17", "-0x1F", "+0x1F", "0b102", "0o8", "1_0.5e1_0"])
        default: return digits(&generator, 4) + "-" + digits(&generator, 2) + "-" + digits(&generator, 2)
        }
    }
}
