import CapstanCore
import Foundation
import Testing

/// Ctrl-C and `kill` end the emulator promptly even with a watch open, and `--state` is written on the way out.
@Suite(.serialized) struct ShutdownTests {
    @Test(arguments: [SIGINT, SIGTERM])
    func signalEndsEmulatorWithOpenWatchAndKeepsState(_ signal: Int32) async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("kubesim-stop-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let emulator = try EmulatorProcess(arguments: ["--state", directory.path])
        defer { emulator.stop() }
        let created = try ProcessTests.request(emulator.port, "POST", "/api/v1/namespaces/default/configmaps",
                                               body: #"{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"kept"}}"#)
        #expect(created.status == 201)
        let watcher = try Self.openWatch(port: emulator.port)
        defer { watcher.terminate() }
        try await Self.waitForWatch(port: emulator.port)
        #expect(try await emulator.interrupt(signal, within: 5), "capstan-kubesim outlived signal \(signal) by 5 s")
        let saved = try JSONValue.parse(Array(Data(contentsOf: directory.appendingPathComponent("objects.json"))))
        #expect(saved.value(at: ["objects", "/configmaps", "default/kept"]) != nil)
    }

    /// A client holding a watch open, as `kubectl get -w` does.
    static func openWatch(port: Int) throws -> Process {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/curl")
        process.arguments = ["-s", "-N", "-o", "/dev/null", "http://127.0.0.1:\(port)/api/v1/namespaces/default/configmaps?watch=true"]
        try process.run()
        return process
    }

    /// Polls the metrics until the emulator has answered the watch.
    static func waitForWatch(port: Int) async throws {
        let deadline = ContinuousClock.now + .seconds(10)
        while ContinuousClock.now < deadline {
            let metrics = try ProcessTests.request(port, "GET", "/metrics").body
            if metrics.contains("verb=\"WATCH\"") { return }
            try await Task.sleep(for: .milliseconds(20))
        }
        Issue.record("the watch never reached the emulator")
    }
}
