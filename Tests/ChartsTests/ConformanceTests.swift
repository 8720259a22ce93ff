import CapstanCore
import Charts
import Foundation
import Sandbox
import Synchronization
import Testing

/// Runs ../shared/conformance/helm `cases/` and `oracle-cases/` and holds the pass rate at its floor.
@Suite struct ConformanceTests {
    static let corpus: String? = {
        if let path = ProcessInfo.processInfo.environment["CAPSTAN_HELM_CORPUS"] { return path }
        var dir = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        for _ in 0..<8 {
            let candidate = dir.appendingPathComponent("shared/conformance/helm").path
            if FileManager.default.fileExists(atPath: candidate) { return candidate }
            dir = dir.deletingLastPathComponent()
        }
        return nil
    }()

    /// Cases that failed as Helm does but with other wording (errors may be matched loosely).
    static let inexactErrors = Mutex<[String]>([])

    /// Runs one case; nil when it passes, the reason otherwise.
    static func run(_ caseDir: String) -> String? {
        guard let args = try? String(contentsOfFile: caseDir + "/args.txt", encoding: .utf8),
              let expected = try? String(contentsOfFile: caseDir + "/expected.txt", encoding: .utf8) else { return "unreadable case" }
        var argv = args.split(separator: "\n").map(String.init)
        var chart: String?
        var files: [String] = []
        var set: [String] = []
        var options = RenderOptions(kubeVersion: "v1.20.0")
        while !argv.isEmpty {
            var a = argv.removeFirst()
            if a.hasPrefix("--"), let eq = a.firstIndex(of: "=") {
                argv.insert(String(a[a.index(after: eq)...]), at: 0)
                a = String(a[..<eq])
            }
            switch a {
            case "--set": set.append(argv.removeFirst())
            case "-f", "--values": files += argv.removeFirst().split(separator: ",").map(String.init)
            case "--kube-version": options.kubeVersion = argv.removeFirst()
            case "--show-only", "-s": options.showOnly.append(argv.removeFirst())
            case "--name-template":
                do { options.releaseName = try RenderOptions.releaseName(fromTemplate: argv.removeFirst()) } catch { return "error: \(error)" }
            case "--api-versions": options.extraAPIVersions.append(argv.removeFirst())
            case "--include-crds": options.includeCRDs = true
            case "--skip-tests": options.skipTests = true
            case "--is-upgrade": options.isUpgrade = true
            case "--no-hooks": options.noHooks = true
            case "--namespace": options.namespace = argv.removeFirst()
            case "--skip-schema-validation": options.skipSchemaValidation = true
            default:
                if a.hasPrefix("-") { return "unsupported flag \(a)" }
                if let first = chart { options.releaseName = first }
                chart = a
            }
        }
        guard let chart else { return "no chart" }
        let wantError = (try? String(contentsOfFile: caseDir + "/case.json", encoding: .utf8))?.contains("\"wantError\": true") ?? false
        do {
            let tree = try SourceTree(root: caseDir)
            let out = try Chart.render(directory: chart, in: tree, valuesFiles: files, set: set, options: options)
            if wantError { return "expected an error" }
            return out == expected ? nil : "output differs"
        } catch {
            guard wantError else { return "error: \(error)" }
            var text = "Error: \(error)\n"
            if (error as? ChartError)?.duringRender == true { text += "\nUse --debug flag to render out invalid YAML\n" }
            if text != expected { inexactErrors.withLock { $0.append(caseDir + "\t" + text) } }
            return nil
        }
    }

    @Test func helmCases() throws {
        guard let corpus = Self.corpus else { return }
        let floor = try JSONSerialization.jsonObject(
            with: Data(contentsOf: URL(fileURLWithPath: #filePath).deletingLastPathComponent()
                .appendingPathComponent("conformance-floor.json"))) as? [String: Int] ?? [:]
        var report = ""
        for folder in ["cases", "oracle-cases"] {
            let names = ((try? FileManager.default.contentsOfDirectory(atPath: "\(corpus)/\(folder)")) ?? [])
                .filter { !$0.contains(".") }.sorted()
            var passed = 0
            for name in names {
                if let reason = Self.run("\(corpus)/\(folder)/\(name)") {
                    report += "\(folder)/\(name)\t\(reason)\n"
                } else {
                    passed += 1
                }
            }
            print("helm conformance \(folder): \(passed)/\(names.count)")
            #expect(passed >= floor[folder] ?? 0, "\(folder) fell below its floor")
        }
        let inexact = Self.inexactErrors.withLock { $0 }
        print("helm conformance: \(inexact.count) expected errors worded differently from Helm: \(inexact.count)")
        report += inexact.map { "\($0)\terror wording differs (passes: errors match loosely)\n" }.joined()
        if let path = ProcessInfo.processInfo.environment["CONFORMANCE_FAILURES"] {
            try report.write(toFile: path, atomically: true, encoding: .utf8)
        }
    }
}
