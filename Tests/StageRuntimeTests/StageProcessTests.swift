import CapstanCore
import Foundation
import CapstanTesting
import Testing

/// Runs `capstan-runtime-probe`, a real stage process built on StageRunner with an idle service:
/// what passes here holds for every stage executable, since they run the same code path.
@Suite struct StageProcessTests {
    private func startProbe(_ arguments: [String]) throws -> ChildProcess {
        try ChildProcess(ChildProcess.builtExecutable("capstan-runtime-probe"), ["run", "--http", "127.0.0.1:0"] + arguments)
    }

    private func port(fromListeningLine line: String) throws -> Int {
        let url = try #require(line.split(separator: " ").first { $0.hasPrefix("url=") })
        return try #require(Int(url.split(separator: ":").last ?? ""))
    }

    /// Polls `/readyz` until it answers 200.
    private func waitUntilReady(port: Int) async throws {
        let deadline = ContinuousClock.now + .seconds(20)
        while try await LoopbackHTTP.get(port: port, path: "/readyz").status != 200 {
            try #require(ContinuousClock.now < deadline, "/readyz never turned 200")
            try await Task.sleep(for: .milliseconds(20))
        }
    }

    @Test(.timeLimit(.minutes(1)))
    func sigtermStopsTheStageInOrderWithExitZero() async throws {
        let probe = try startProbe(["--stage", "fetcher"])
        defer { probe.stop() }
        let port = try port(fromListeningLine: try await probe.line(containing: "msg=\"http listening\""))
        #expect(try await LoopbackHTTP.get(port: port, path: "/healthz").status == 200)
        try await waitUntilReady(port: port)
        let metrics = try await LoopbackHTTP.get(port: port, path: "/metrics")
        #expect(metrics.body.contains("capstan_probe_ticks_total 1\n"))

        probe.signal(SIGTERM)
        #expect(try await probe.exitStatus(within: .seconds(10)) == 0)
        let lines = probe.lines
        #expect(lines.allSatisfy { $0.hasPrefix("ts=") && $0.contains(" stage=fetcher ") })
        let order = ["msg=\"shutting down\"", "msg=\"work stopped\"", "msg=\"http stopped\"", "msg=\"stopped\""]
        let positions = order.map { text in lines.firstIndex { $0.contains(text) } }
        #expect(positions.allSatisfy { $0 != nil }, "missing shutdown lines:\n\(lines.joined(separator: "\n"))")
        #expect(positions.compactMap { $0 } == positions.compactMap { $0 }.sorted())
    }

    @Test(.timeLimit(.minutes(1)))
    func sigintStopsTheStageAndJSONLinesParse() async throws {
        let probe = try startProbe(["--stage", "renderer", "--log-format", "json", "--shard", "1/2"])
        defer { probe.stop() }
        _ = try await probe.line(containing: "\"msg\":\"work started\"")
        probe.signal(SIGINT)
        #expect(try await probe.exitStatus(within: .seconds(10)) == 0)
        for line in probe.lines {
            let object = try JSONValue.parse(line)
            #expect(object["stage"] == "renderer")
            #expect(object["shard"] == "1/2")
        }
    }

    @Test(.timeLimit(.minutes(1)))
    func failingServiceStopsTheStageWithExitOneAndARedactedError() async throws {
        let probe = try startProbe(["--fail"])
        defer { probe.stop() }
        #expect(try await probe.exitStatus(within: .seconds(10)) == 1)
        let critical = try #require(probe.lines.first { $0.contains("level=critical") })
        #expect(critical.contains("msg=\"stopped on error\""))
        #expect(critical.contains("https://***@example.com"))
        #expect(!probe.lines.joined().contains("hunter2"))
    }
}
