import Foundation

/// The real `kubectl kustomize`, the reference the Overlays engine must match byte for byte.
enum Kubectl {
    static let path: String? = ["/usr/bin/kubectl", "/usr/local/bin/kubectl"].first {
        FileManager.default.isExecutableFile(atPath: $0)
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// `kubectl kustomize <directory>`'s standard output; throws with its standard error on failure.
    static func kustomize(_ directory: String, kubectl: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: kubectl)
        process.arguments = ["kustomize", directory]
        var environment = ProcessInfo.processInfo.environment
        environment["HOME"] = FileManager.default.temporaryDirectory.path
        process.environment = environment
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        // Read both pipes before waiting, so a large output cannot fill a pipe and stall kubectl.
        let data = output.fileHandleForReading.readDataToEndOfFile()
        let errorText = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw Failure(description: "kubectl kustomize \(directory) failed: \(errorText)")
        }
        return String(decoding: data, as: UTF8.self)
    }
}
