import CapstanCore
import Foundation

/// Runs a kubeconfig exec credential plugin and reads the token from its ExecCredential.
enum ExecPluginRunner {
    struct Credential: Sendable {
        var token: String
        var expiry: Date?
    }

    static func run(_ plugin: ExecPlugin) async throws -> Credential {
        let output = try await execute(plugin)
        return try parse(output, plugin: plugin)
    }

    static func parse(_ output: [UInt8], plugin: ExecPlugin) throws -> Credential {
        let value: JSONValue
        do { value = try JSONValue.parse(output) } catch {
            throw KubeClientError.credentials(reason: "exec plugin \(plugin.command) printed no valid ExecCredential: \(error)")
        }
        guard value["kind"]?.stringValue == "ExecCredential" else {
            throw KubeClientError.credentials(reason: "exec plugin \(plugin.command) printed a \(value["kind"]?.stringValue ?? "value") instead of an ExecCredential")
        }
        guard let token = value.value(at: ["status", "token"])?.stringValue, !token.isEmpty else {
            throw KubeClientError.credentials(reason: "exec plugin \(plugin.command) returned no status.token (client certificates from plugins are not supported)")
        }
        let expiry = value.value(at: ["status", "expirationTimestamp"])?.stringValue.flatMap(parseTimestamp)
        return Credential(token: token, expiry: expiry)
    }

    static func parseTimestamp(_ text: String) -> Date? {
        let formatter = ISO8601DateFormatter()
        if let date = formatter.date(from: text) { return date }
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter.date(from: text)
    }

    /// Runs the command on its own thread (waiting for a process blocks) and returns stdout.
    private static func execute(_ plugin: ExecPlugin) async throws -> [UInt8] {
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<[UInt8], any Error>) in
            let thread = Thread {
                continuation.resume(with: Result { try executeBlocking(plugin) })
            }
            thread.name = "kube-exec-plugin"
            thread.start()
        }
    }

    private static func executeBlocking(_ plugin: ExecPlugin) throws -> [UInt8] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [plugin.command] + plugin.arguments
        var environment = ProcessInfo.processInfo.environment.merging(plugin.environment) { $1 }
        environment["KUBERNETES_EXEC_INFO"] =
            #"{"apiVersion":"\#(plugin.apiVersion)","kind":"ExecCredential","spec":{"interactive":false}}"#
        process.environment = environment
        let stdout = Pipe()
        let stderr = Pipe()
        process.standardOutput = stdout
        process.standardError = stderr
        process.standardInput = FileHandle.nullDevice
        do { try process.run() } catch {
            throw KubeClientError.credentials(reason: "exec plugin \(plugin.command) could not start: \(error)\(hint(plugin))")
        }
        let output = stdout.fileHandleForReading.readDataToEndOfFile()
        let errors = stderr.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            let message = String(decoding: errors.prefix(512), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            throw KubeClientError.credentials(
                reason: "exec plugin \(plugin.command) exited with status \(process.terminationStatus): \(message)\(hint(plugin))")
        }
        return [UInt8](output)
    }

    private static func hint(_ plugin: ExecPlugin) -> String {
        plugin.installHint.map { " (\($0))" } ?? ""
    }
}
