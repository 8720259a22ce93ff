import CapstanTesting
import Crypto
import FetcherTesting
import Foundation
import Testing

/// The real `capstan-fetcher run` process, its webhook endpoint and its metrics, over 127.0.0.1.
@Suite struct WebhookProcessTests {
    static let secret = "hook-secret"

    static func signature(_ body: String) -> String {
        let mac = HMAC<SHA256>.authenticationCode(for: Array(body.utf8), using: SymmetricKey(data: Array(secret.utf8)))
        return "sha256=" + mac.map { String(format: "%02x", $0) }.joined()
    }

    static func fetchedLines(_ process: ChildProcess) -> [String] {
        process.lines.filter { $0.contains(#"msg="fetched""#) }
    }

    @Test func signedPushesTriggerAFetchAtOnceAndBadOnesNever() async throws {
        let fixture = try GitFixture()
        defer { fixture.remove() }
        try fixture.commit("first", files: ["app.yaml": "kind: ConfigMap\n"])
        let bare = try fixture.bareClone()
        let daemon = try GitDaemon.start(basePath: fixture.root.path, home: fixture.home)
        defer { daemon.stop() }
        try Self.secret.write(toFile: fixture.root("hook-secret"), atomically: true, encoding: .utf8)
        let (http, pub, router) = (FreePort.next(), FreePort.next(), FreePort.next())
        try """
        sources:
          - name: site
            url: git://127.0.0.1:\(daemon.port)/served.git
            interval: 1h
            webhookSecret: \(fixture.root("hook-secret"))
        limits: { webhookBytes: 1024 }
        stages:
          fetcher: { pub: "tcp://127.0.0.1:\(pub)", router: "tcp://127.0.0.1:\(router)", data: \(fixture.root("data")) }
        """.write(toFile: fixture.root("capstan.yaml"), atomically: true, encoding: .utf8)
        let process = try ChildProcess(try ChildProcess.builtExecutable("capstan-fetcher"),
                                       ["run", "--config", fixture.root("capstan.yaml"), "--http", "127.0.0.1:\(http)"])
        defer { process.stop() }
        _ = try await process.line(containing: #"msg="fetched""#)

        let push = #"{"ref":"refs/heads/main"}"#
        func post(_ headers: [String: String], source: String = "site", body: String = push) async throws -> Int {
            try await LoopbackHTTP.request("POST", port: http, path: "/hooks/\(source)", body: body, headers: headers).status
        }
        let second = try fixture.commit("second", files: ["app.yaml": "kind: Secret\n"])
        try fixture.push(to: bare)
        #expect(try await post(["X-Hub-Signature-256": Self.signature(push)], source: "nope") == 404)
        #expect(try await post([:]) == 401, "no signature")
        #expect(try await post(["X-Hub-Signature-256": Self.signature(push + " ")]) == 401, "signature of another body")
        #expect(try await post(["X-Gitlab-Token": "wrong"]) == 401)
        #expect(try await post(["X-Signature-256": "sha256=00"]) == 401)
        let big = String(repeating: " ", count: 4096)
        #expect(try await post(["X-Hub-Signature-256": Self.signature(big)], body: big) == 413)
        try await Task.sleep(for: .milliseconds(800))
        #expect(Self.fetchedLines(process).count == 1, "no refused delivery fetched")

        #expect(try await post(["X-Hub-Signature-256": Self.signature(push), "X-GitHub-Delivery": "d-1"]) == 202)
        _ = try await process.line(containing: "sha1:\(second)", within: .seconds(10))
        let third = try fixture.commit("third", files: ["app.yaml": "kind: Pod\n"])
        try fixture.push(to: bare)
        #expect(try await post(["X-Gitlab-Token": Self.secret]) == 202)
        _ = try await process.line(containing: "sha1:\(third)", within: .seconds(10))
        let fourth = try fixture.commit("fourth", files: ["app.yaml": "kind: Job\n"])
        try fixture.push(to: bare)
        #expect(try await post(["X-Signature-256": Self.signature(push), "X-Delivery-ID": "g-1"]) == 202)
        _ = try await process.line(containing: "sha1:\(fourth)", within: .seconds(10))
        #expect(try await post(["X-Signature-256": Self.signature(push), "X-Delivery-ID": "g-1"]) == 200, "replayed delivery ignored")

        let metrics = try await LoopbackHTTP.get(port: http, path: "/metrics").body
        let bytes = metrics.split(separator: "\n").first { $0.hasPrefix(#"capstan_fetch_bytes_total{source="site"}"#) }
        #expect((bytes?.split(separator: " ").last).flatMap { Double($0) }.map { $0 > 0 } == true, "bytes fetched counted: \(bytes ?? "none")")
    }
}
