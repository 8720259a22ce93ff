import CapstanCore
import Foundation
import Testing

/// The emulator as a process: persistence across restarts, TLS with a generated certificate, the fail image.
@Suite(.serialized) struct ProcessTests {
    static func request(_ port: Int, _ method: String, _ path: String, body: String? = nil, scheme: String = "http",
                        contentType: String = "application/json") throws -> (status: Int, body: String) {
        var arguments = ["-s", "-k", "-o", "-", "-w", "\n%{http_code}", "-X", method, "-H", "Content-Type: \(contentType)",
                         "\(scheme)://127.0.0.1:\(port)\(path)"]
        if let body { arguments += ["--data-binary", body] }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/curl")
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let text = String(decoding: data, as: UTF8.self)
        let split = text.range(of: "\n", options: .backwards)!
        return (Int(text[split.upperBound...]) ?? 0, String(text[..<split.lowerBound]))
    }

    @Test func stateDirectoryKeepsObjectsAcrossRestarts() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("kubesim-state-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let first = try EmulatorProcess(arguments: ["--state", directory.path])
        let created = try Self.request(first.port, "POST", "/api/v1/namespaces/default/configmaps",
                                       body: #"{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"kept"},"data":{"a":"1"}}"#)
        #expect(created.status == 201)
        first.stop()
        let second = try EmulatorProcess(arguments: ["--state", directory.path])
        defer { second.stop() }
        let fetched = try Self.request(second.port, "GET", "/api/v1/namespaces/default/configmaps/kept")
        #expect(fetched.status == 200)
        #expect(try JSONValue.parse(fetched.body)["data"] == ["a": "1"])
    }

    @Test func tlsGenerateServesHTTPS() throws {
        let emulator = try EmulatorProcess(arguments: ["--tls-generate"])
        defer { emulator.stop() }
        let version = try Self.request(emulator.port, "GET", "/version", scheme: "https")
        #expect(version.status == 200)
        #expect(version.body.contains("\"minor\":\"32\""))
    }

    @Test func failImageNeverBecomesAvailable() async throws {
        let emulator = try EmulatorProcess()
        defer { emulator.stop() }
        let deployment = #"{"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"bad"},"spec":{"replicas":1,"selector":{"matchLabels":{"app":"bad"}},"template":{"metadata":{"labels":{"app":"bad"}},"spec":{"containers":[{"name":"c","image":"nginx:fail"}]}}}}"#
        _ = try Self.request(emulator.port, "POST", "/apis/apps/v1/namespaces/default/deployments", body: deployment)
        let deadline = ContinuousClock.now + .seconds(10)
        var status = JSONValue.null
        while ContinuousClock.now < deadline {
            let fetched = try Self.request(emulator.port, "GET", "/apis/apps/v1/namespaces/default/deployments/bad")
            status = try JSONValue.parse(fetched.body)["status"] ?? .null
            if status["observedGeneration"] != nil { break }
            try await Task.sleep(for: .milliseconds(50))
        }
        #expect(status["observedGeneration"] == 1)
        let available = status["conditions"]?.arrayValue?.first { $0["type"] == "Available" }
        #expect(available?["status"] == "False")
        #expect(status["availableReplicas"] == nil)
    }

    @Test func deletingAnOwnerCollectsItsDependents() async throws {
        let emulator = try EmulatorProcess()
        defer { emulator.stop() }
        let owner = try Self.request(emulator.port, "POST", "/api/v1/namespaces/default/configmaps",
                                     body: #"{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"owner"}}"#)
        let uid = try JSONValue.parse(owner.body).value(at: ["metadata", "uid"])!.stringValue!
        let dependent = #"{"apiVersion":"v1","kind":"Secret","metadata":{"name":"dependent","ownerReferences":[{"apiVersion":"v1","kind":"ConfigMap","name":"owner","uid":"UID"}]}}"#
        _ = try Self.request(emulator.port, "POST", "/api/v1/namespaces/default/secrets", body: dependent.replacingOccurrences(of: "UID", with: uid))
        _ = try Self.request(emulator.port, "DELETE", "/api/v1/namespaces/default/configmaps/owner")
        let deadline = ContinuousClock.now + .seconds(10)
        var status = 200
        while ContinuousClock.now < deadline, status != 404 {
            status = try Self.request(emulator.port, "GET", "/api/v1/namespaces/default/secrets/dependent").status
            if status != 404 { try await Task.sleep(for: .milliseconds(50)) }
        }
        #expect(status == 404)
    }

    @Test func faultFlagsDropConnectionsAndThrottle() throws {
        let dropping = try EmulatorProcess(arguments: ["--faults", "drop=1"])
        let dropped = try Self.request(dropping.port, "GET", "/api/v1/namespaces")
        dropping.stop()
        #expect(dropped.body.isEmpty)
        let throttling = try EmulatorProcess(arguments: ["--faults", "429=1"])
        defer { throttling.stop() }
        let throttled = try Self.request(throttling.port, "GET", "/api/v1/namespaces")
        #expect(throttled.status == 429)
        #expect(try JSONValue.parse(throttled.body)["reason"] == "TooManyRequests")
        #expect(try Self.request(throttling.port, "GET", "/healthz").status == 200)
    }
}
