import CapstanTesting
import Foundation
import Testing

@testable import Renderer

/// `capstan-renderer build` as a real process: stdout, stderr and exit status.
@Suite struct BuildCommandTests {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    func build(_ arguments: [String]) throws -> Result {
        let process = Process()
        process.executableURL = try ChildProcess.builtExecutable("capstan-renderer")
        process.arguments = ["build"] + arguments
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(
            status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
            stderr: String(decoding: stderr, as: UTF8.self))
    }

    @Test func printsTheBundleWithSubstitution() throws {
        let tree = try TreeFixture(["app/m.yaml": configMap("x-${ENV}")])
        let result = try build(["\(tree.root)/app", "--substitute", "ENV=prod"])
        #expect(result.status == 0)
        #expect(result.stdout == "apiVersion: v1\ndata:\n  a: b\nkind: ConfigMap\nmetadata:\n  name: x-prod\n")
        #expect(result.stderr.isEmpty)
    }

    @Test func errorGoesToStderrWithExitOne() throws {
        let tree = try TreeFixture(["app/m.yaml": "apiVersion: v1\nmetadata: {name: x}\n"])
        let result = try build(["\(tree.root)/app"])
        #expect(result.status == 1)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.hasPrefix("error: m.yaml:1: document has no kind; "))
    }

    @Test func rootDefaultsToTheEnclosingRepository() throws {
        let tree = try TreeFixture(["repo/.git/HEAD": "ref: refs/heads/main\n", "repo/apps/web/m.yaml": configMap("x")])
        #expect(BuildInvocation.enclosingRepository(of: "\(tree.root)/repo/apps/web") == "\(tree.root)/repo")
    }

    @Test func badSubstituteWordIsRefused() throws {
        let tree = try TreeFixture(["m.yaml": configMap("x")])
        let result = try build([tree.root, "--substitute", "NOEQUALS"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("'NOEQUALS' is not KEY=VALUE"))
    }
}

/// The overlay path end to end: `capstan-renderer build` against `kubectl kustomize` on one small tree.
@Suite struct OverlayDifferentialTests {
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/kubectl"), "kubectl is not installed"))
    func overlayOutputMatchesKubectlKustomize() throws {
        let tree = try TreeFixture([
            "base/kustomization.yaml": "resources:\n- cm.yaml\n",
            "base/cm.yaml": configMap("settings", data: "mode: ${MODE:=fast}"),
            "prod/kustomization.yaml": "resources:\n- ../base\nnamePrefix: prod-\nnamespace: shop\ncommonLabels:\n  env: prod\n",
        ])
        let ours = try BuildCommandTests().build(["--root", tree.root, "\(tree.root)/prod"])
        let kubectl = Process()
        kubectl.executableURL = URL(fileURLWithPath: "/usr/bin/kubectl")
        kubectl.arguments = ["kustomize", "\(tree.root)/prod"]
        let out = Pipe()
        kubectl.standardOutput = out
        kubectl.standardError = Pipe()
        try kubectl.run()
        let theirs = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        kubectl.waitUntilExit()
        #expect(ours.status == 0, "\(ours.stderr)")
        #expect(ours.stdout == theirs)
    }
}

extension BuildCommandTests {
    @Test func chartDirectoryTakesValuesSetReleaseAndNamespace() throws {
        let tree = try TreeFixture(ChartLayoutTests.chart)
        try tree.write("local.yaml", "color: red\n")
        let result = try build([
            "\(tree.root)/apps/web", "--values", "\(tree.root)/local.yaml", "--set", "replicas=5",
            "--set-string", "port=90", "--release-name", "r1", "--namespace", "ns1",
        ])
        #expect(result.status == 0)
        #expect(result.stdout.contains("color: red\n  port: \"90\"\n  replicas: \"5\""))
        #expect(result.stdout.contains("name: r1-web\n  namespace: ns1\n"))
    }

    @Test func chartFlagsOnAPlainDirectoryAreRefused() throws {
        let tree = try TreeFixture(["app/m.yaml": configMap("x")])
        let result = try build(["\(tree.root)/app", "--release-name", "r"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("apply to Helm charts only"))
    }
}

extension BuildCommandTests {
    @Test func chartDirectoryTakesSetJSONAndSetFileInHelmsOrder() throws {
        let tree = try TreeFixture(ChartLayoutTests.chart)
        try tree.write("color.txt", "teal")
        let result = try build([
            "\(tree.root)/apps/web", "--set-json", #"replicas=7"#, "--set", "replicas=8",
            "--set-file", "color=\(tree.root)/color.txt",
        ])
        #expect(result.status == 0)
        #expect(result.stdout.contains("color: teal\n  port: \"80\"\n  replicas: \"8\""))
    }
}
