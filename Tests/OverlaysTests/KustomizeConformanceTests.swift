import CapstanCore
import Foundation
import Manifests
import Overlays
import Sandbox
import Testing

/// Runs the kustomize v5.5.0 corpus in `../shared/conformance/kustomize` (see its README): every
/// success case must print exactly `expected.yaml`, every error case must fail with its text.
@Suite struct KustomizeConformanceTests {
    static let corpus = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("shared/conformance/kustomize")

    /// Cases known not to pass yet, each with its reason, kept in the repository.
    static let knownFailures: [String: String] = {
        let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("KNOWN-FAILURES.tsv")
        guard let text = try? String(contentsOf: file, encoding: .utf8) else { return [:] }
        var result: [String: String] = [:]
        for line in text.split(separator: "\n") where !line.hasPrefix("#") {
            let parts = line.split(separator: "\t", maxSplits: 1).map(String.init)
            if parts.count == 2 { result[parts[0]] = parts[1] }
        }
        return result
    }()

    static func caseNames(_ folder: String) -> [String] {
        let url = corpus.appendingPathComponent(folder)
        return ((try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []).sorted()
    }

    static func buildDirectory(of caseURL: URL) throws -> String {
        let bytes = try [UInt8](Data(contentsOf: caseURL.appendingPathComponent("case.yaml")))
        let meta = try ManifestDecoder.decode(bytes, file: "case.yaml").first ?? .null
        let dir = meta["dir"]?.stringValue ?? "."
        return dir == "." ? "" : dir
    }

    static func render(_ caseURL: URL) throws -> String {
        let tree = try SourceTree(root: caseURL.appendingPathComponent("input").path)
        return try Overlay.build(buildDirectory(of: caseURL), in: tree).yaml
    }

    @Test func successCasesMatchKubectlKustomizeByteForByte() throws {
        let names = Self.caseNames("cases") + Self.caseNames("probes").map { "../probes/\($0)" }
        try #require(!names.isEmpty, "corpus missing at \(Self.corpus.path)")
        var passed = 0
        var unexpected: [String] = []
        var fixed: [String] = []
        for name in names {
            let caseURL = Self.corpus.appendingPathComponent("cases").appendingPathComponent(name).standardizedFileURL
            let expected = try String(contentsOf: caseURL.appendingPathComponent("expected.yaml"), encoding: .utf8)
            let actual: String
            do {
                actual = try Self.render(caseURL)
            } catch {
                actual = "ERROR: \(error)\n"
            }
            let ok = actual == expected
            if let dump = ProcessInfo.processInfo.environment["KUSTOMIZE_DUMP"], !ok {
                try? actual.write(toFile: "\(dump)/\(caseURL.lastPathComponent).yaml", atomically: true, encoding: .utf8)
            }
            if ok { passed += 1 }
            let known = Self.knownFailures[caseURL.lastPathComponent] != nil
            if !ok && !known { unexpected.append(caseURL.lastPathComponent) }
            if ok && known { fixed.append(caseURL.lastPathComponent) }
        }
        let rate = Double(passed) / Double(names.count) * 100
        print("kustomize conformance: \(passed)/\(names.count) success cases byte-identical (\(String(format: "%.1f", rate))%)")
        #expect(unexpected.isEmpty, "regressions (not in KNOWN-FAILURES.tsv): \(unexpected)")
        #expect(fixed.isEmpty, "now passing, remove from KNOWN-FAILURES.tsv: \(fixed)")
    }

    @Test func errorCasesFailWithKustomizesMessage() throws {
        let names = Self.caseNames("error-cases")
        var passed = 0
        var unexpected: [String] = []
        for name in names {
            let caseURL = Self.corpus.appendingPathComponent("error-cases").appendingPathComponent(name)
            let expected = try String(contentsOf: caseURL.appendingPathComponent("expected-error.txt"), encoding: .utf8)
                .trimmingCharacters(in: .newlines)
            var message = ""
            do {
                _ = try Self.render(caseURL)
            } catch {
                message = "\(error)"
            }
            let ok = !message.isEmpty && message.contains(expected)
            if ok { passed += 1 } else if Self.knownFailures[name] == nil { unexpected.append("\(name): got '\(message)'") }
        }
        print("kustomize conformance: \(passed)/\(names.count) error cases fail with the expected text")
        #expect(unexpected.isEmpty, "error-case regressions: \(unexpected)")
    }
}
