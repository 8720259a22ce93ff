import Foundation
import Overlays
import Sandbox
import Testing

/// Builds generated overlay trees with Capstan and with the real `kubectl kustomize`
/// (kustomize v5.5.0) and requires identical bytes.
@Suite struct DifferentialTests {
    static let kubectl: String? = ["/usr/bin/kubectl", "/usr/local/bin/kubectl"].first {
        FileManager.default.isExecutableFile(atPath: $0)
    }

    @Test(arguments: [1, 2, 3])
    func generatedTreesMatchKubectlKustomize(seed: Int) throws {
        guard let kubectl = Self.kubectl else {
            print("skipping differential test: kubectl is not installed")
            return
        }
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("overlay-diff-\(seed)-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let tree = try GeneratedTree.write(seed: seed, into: root)
        let source = try SourceTree(root: root.path)
        for overlay in tree.overlays {
            let expected = try Self.run(kubectl, ["kustomize", root.appendingPathComponent(overlay).path])
            let actual = try Overlay.build(overlay, in: source).yaml
            #expect(actual == expected, "seed \(seed), \(overlay) differs from kubectl kustomize")
        }
    }

    static func run(_ executable: String, _ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        var environment = ProcessInfo.processInfo.environment
        environment["HOME"] = FileManager.default.temporaryDirectory.path
        process.environment = environment
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw CocoaError(.executableLoad, userInfo: [NSLocalizedDescriptionKey: "\(executable) \(arguments) failed"])
        }
        return String(decoding: data, as: UTF8.self)
    }
}
