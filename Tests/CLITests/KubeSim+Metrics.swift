import CapstanTesting
import Foundation

/// `apiserver_request_total` from the emulator's /metrics, summed by verb and resource.
struct WriteCounts: CustomStringConvertible {
    var byVerbAndResource: [String: Int] = [:]

    func count(verb: String, resource: String? = nil) -> Int {
        byVerbAndResource.filter { key, _ in
            key.hasPrefix(verb + " ") && (resource.map { key == "\(verb) \($0)" } ?? true)
        }.values.reduce(0, +)
    }

    /// Write requests (neither GET, LIST nor WATCH) counted since `earlier`, by "VERB resource".
    func writes(since earlier: WriteCounts) -> [String: Int] {
        var result: [String: Int] = [:]
        for (key, value) in byVerbAndResource where !["GET", "LIST", "WATCH"].contains(where: { key.hasPrefix($0 + " ") }) {
            let delta = value - (earlier.byVerbAndResource[key] ?? 0)
            if delta != 0 { result[key] = delta }
        }
        return result
    }

    var description: String {
        byVerbAndResource.filter { !$0.key.hasPrefix("GET") && !$0.key.hasPrefix("LIST") && !$0.key.hasPrefix("WATCH") }
            .sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
    }
}

extension KubeSim {
    /// The emulator's request counters now.
    func writeCounts() async throws -> WriteCounts {
        let reply = try await LoopbackHTTP.get(port: port, path: "/metrics")
        var counts = WriteCounts()
        for line in reply.body.split(separator: "\n") where line.hasPrefix("apiserver_request_total{") {
            let labels = Self.labels(String(line.drop { $0 != "{" }.dropFirst().prefix { $0 != "}" }))
            guard let verb = labels["verb"], let value = line.split(separator: " ").last.flatMap({ Int($0) }) else { continue }
            counts.byVerbAndResource["\(verb) \(labels["resource"] ?? "")", default: 0] += value
        }
        return counts
    }

    /// Polls the write counters since `before` until they equal `expected` (a write may land just
    /// after the status that reports it); returns the last reading either way.
    func waitForWrites(since before: WriteCounts, toReach expected: [String: Int], within timeout: Duration = .seconds(3)) async throws -> [String: Int] {
        let deadline = ContinuousClock.now + timeout
        var writes = try await writeCounts().writes(since: before)
        while writes != expected, ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(50))
            writes = try await writeCounts().writes(since: before)
        }
        return writes
    }

    private static func labels(_ text: String) -> [String: String] {
        var result: [String: String] = [:]
        for pair in text.split(separator: ",") {
            let parts = pair.split(separator: "=", maxSplits: 1)
            guard parts.count == 2 else { continue }
            result[String(parts[0])] = String(parts[1]).trimmingCharacters(in: CharacterSet(charactersIn: "\""))
        }
        return result
    }
}
