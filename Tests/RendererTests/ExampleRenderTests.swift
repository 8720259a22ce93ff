import CapstanCore
import Foundation
import Testing

@testable import Renderer

/// Every example repository under examples/ renders as its capstan.yaml says: each app's bundle
/// equals its golden file (CAPSTAN_RECORD_GOLDEN=1 re-records them), and each overlay app builds
/// byte for byte like `kubectl kustomize` when no variables are substituted.
@Suite struct ExampleRenderTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let examples = root.appendingPathComponent("examples")
    static let golden = root.appendingPathComponent("Tests/RendererTests/Golden/examples")
    static let recording = ProcessInfo.processInfo.environment["CAPSTAN_RECORD_GOLDEN"] == "1"
    static let kubectl = ["/usr/bin/kubectl", "/usr/local/bin/kubectl"].first { FileManager.default.isExecutableFile(atPath: $0) }

    /// The example repositories: every directory of examples/ that holds a capstan.yaml.
    static var repositories: [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: examples.path)) ?? []
        return names.filter { FileManager.default.fileExists(atPath: examples.appendingPathComponent("\($0)/capstan.yaml").path) }.sorted()
    }

    static func config(_ example: String) throws -> CapstanConfig {
        try CapstanConfig.load(path: examples.appendingPathComponent("\(example)/capstan.yaml").path)
    }

    @Test func everyExampleRepositoryIsCovered() {
        #expect(Set(Self.repositories).isSuperset(of: ["chart-app", "demo", "overlay-app"]))
    }

    /// Where an app's path is: inside the example (its own repository), or, for an example that
    /// is a directory of Capstan's repository (examples/bootstrap), the repository's root; nil for
    /// a placeholder of the user's own apps.
    static func sourceRoot(of app: AppConfig, in example: String) -> String? {
        [examples.appendingPathComponent(example).path, root.path].first {
            FileManager.default.fileExists(atPath: "\($0)/\(app.path)")
        }
    }

    @Test(arguments: repositories)
    func everyAppRendersToItsGoldenBundle(example: String) throws {
        let config = try Self.config(example)
        let apps = config.apps.compactMap { app in Self.sourceRoot(of: app, in: example).map { (app, $0) } }
        #expect(!apps.isEmpty)
        for (app, root) in apps {
            let bundle = try Renderer().render(RenderRequest(app: app, root: root))
            let text = String(decoding: bundle.bytes, as: UTF8.self)
            #expect(!text.contains("${"), "\(example)/\(app.name): a variable was left unsubstituted")
            let file = Self.golden.appendingPathComponent("\(example)/\(app.name).yaml")
            if Self.recording {
                try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
                try text.write(to: file, atomically: true, encoding: .utf8)
            }
            let expected = try String(contentsOf: file, encoding: .utf8)
            #expect(text == expected, "\(example)/\(app.name) differs from \(file.path) (CAPSTAN_RECORD_GOLDEN=1 re-records)")
        }
    }

    @Test(.enabled(if: kubectl != nil, "kubectl is not installed"), arguments: repositories)
    func overlayAppsBuildLikeKubectlKustomize(example: String) throws {
        for app in try Self.config(example).apps {
            guard let root = Self.sourceRoot(of: app, in: example) else { continue }
            let directory = "\(root)/\(app.path)"
            guard FileManager.default.fileExists(atPath: "\(directory)/kustomization.yaml") else { continue }
            let ours = try Renderer().render(RenderRequest(root: root, path: app.path))
            #expect(String(decoding: ours.bytes, as: UTF8.self) == (try Self.kustomize(directory)), "\(example)/\(app.name)")
        }
    }

    /// `kubectl kustomize <directory>`'s standard output.
    static func kustomize(_ directory: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: kubectl ?? "/usr/bin/kubectl")
        process.arguments = ["kustomize", directory]
        var environment = ProcessInfo.processInfo.environment
        environment["HOME"] = FileManager.default.temporaryDirectory.path
        process.environment = environment
        let output = Pipe()
        process.standardOutput = output
        process.standardError = Pipe()
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "kubectl kustomize \(directory) failed")
        return String(decoding: data, as: UTF8.self)
    }
}
