import ArgumentParser
import Renderer

import Foundation

/// `capstan-renderer build <dir>`: prints the bundle like `kustomize build`, errors on stderr.
struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "build", abstract: "Render a directory and print the bundle.")

    @Argument(help: "The app directory (kustomization, chart or plain manifests).") var directory: String
    @Option(help: "Directory paths must stay inside (default: the enclosing git repository).") var root: String?
    @Option(name: .customLong("substitute"), help: "Post-build variable, KEY=VALUE (repeatable).") var substitutions: [String] = []
    @Option(name: .customLong("values"), help: "Helm values file (charts).") var valuesFiles: [String] = []
    @Option(name: .customLong("set"), help: "Helm value, key=value (charts).") var sets: [String] = []
    @Option(name: .customLong("set-string"), help: "Helm value kept as a string, key=value (charts).") var setStrings: [String] = []
    @Option(name: .customLong("set-json"), help: "Helm value as JSON, key=<json> (charts).") var setJSON: [String] = []
    @Option(name: .customLong("set-file"), help: "Helm value read from a file, key=path (charts).") var setFiles: [String] = []
    @Option(name: .customLong("release-name"), help: "Release name (charts; default release-name).") var releaseName: String?
    @Option(help: "Release namespace (charts; default default).") var namespace: String?
    @Option(name: .customLong("repeat"), help: .hidden) var repetitions: Int = 1

    func run() throws {
        var invocation = BuildInvocation(directory: directory, root: root, substitutions: substitutions, valuesFiles: valuesFiles, sets: sets)
        invocation.setStrings = setStrings
        invocation.setJSON = setJSON
        invocation.setFiles = setFiles
        invocation.releaseName = releaseName
        invocation.namespace = namespace
        do {
            let started = ContinuousClock.now
            var bundle = try invocation.run()
            for _ in 1..<max(repetitions, 1) { bundle = try invocation.run() }
            if repetitions > 1 { Self.report(renders: repetitions, since: started) }
            FileHandle.standardOutput.write(Data(bundle.bytes))
        } catch {
            FileHandle.standardError.write(Data("error: \(error)\n".utf8))
            throw ExitCode.failure
        }
    }

    /// `--repeat N` (benchmarks): the time per render on stderr, in bench/templates' format.
    static func report(renders: Int, since started: ContinuousClock.Instant) {
        let elapsed = ContinuousClock.now - started
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        let line = String(format: "renders=%d total=%.3fs per-render=%.1fus\n", renders, seconds, seconds * 1e6 / Double(renders))
        FileHandle.standardError.write(Data(line.utf8))
    }
}
