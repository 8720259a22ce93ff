import CapstanCore
import Foundation
import Testing

/// `--token` and TLS (given or generated certificates) as real clients meet them: curl and kubectl.
@Suite(.serialized) struct SecurityTests {
    static func curl(_ arguments: [String]) throws -> (status: Int, body: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/curl")
        process.arguments = ["-s", "-o", "-", "-w", "\n%{http_code}"] + arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let text = String(decoding: data, as: UTF8.self)
        let split = text.range(of: "\n", options: .backwards)!
        return (Int(text[split.upperBound...]) ?? 0, String(text[..<split.lowerBound]))
    }

    /// A self-signed certificate for 127.0.0.1 made with openssl, in a fresh directory.
    static func certificate() throws -> (cert: String, key: String, directory: URL) {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("kubesim-cert-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let cert = directory.appendingPathComponent("tls.crt").path
        let key = directory.appendingPathComponent("tls.key").path
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
                             "-days", "2", "-subj", "/CN=test", "-keyout", key, "-out", cert,
                             "-addext", "subjectAltName=IP:127.0.0.1"]
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return (cert, key, directory)
    }

    @Test func bearerTokenGuardsTheAPIButNotTheProbes() throws {
        let emulator = try EmulatorProcess(arguments: ["--token", "s3cret"])
        defer { emulator.stop() }
        let url = "http://127.0.0.1:\(emulator.port)/api/v1/namespaces"
        #expect(try Self.curl(["-H", "Authorization: Bearer s3cret", url]).status == 200)
        for headers in [["-H", "Authorization: Bearer wrong"], []] {
            let refused = try Self.curl(headers + [url])
            #expect(refused.status == 401)
            let status = try JSONValue.parse(refused.body)
            #expect(status["kind"] == "Status")
            #expect(status["reason"] == "Unauthorized")
            #expect(status["code"] == 401)
        }
        #expect(try Self.curl(["http://127.0.0.1:\(emulator.port)/healthz"]).status == 200)
    }

    @Test(.enabled(if: Kubectl.path != nil)) func tlsWithGivenCertificateTrustsOnlyItsAuthority() async throws {
        let served = try Self.certificate()
        let other = try Self.certificate()
        let emulator = try EmulatorProcess(arguments: ["--tls-cert", served.cert, "--tls-key", served.key])
        // Without credentials kubectl would prompt for a username on https; any token will do here.
        let trusting = try Kubectl(port: emulator.port, scheme: "https", user: "{token: t}", certificateAuthority: served.cert)
        let wrong = try Kubectl(port: emulator.port, scheme: "https", user: "{token: t}", certificateAuthority: other.cert)
        defer {
            emulator.stop()
            [trusting, wrong].forEach { $0.cleanUp() }
            [served.directory, other.directory].forEach { try? FileManager.default.removeItem(at: $0) }
        }
        let version = try await trusting.run(["version"])
        #expect(version.stdout.contains("Server Version: v1.32.4"), "\(version.stderr)")
        let applied = try await trusting.run(["create", "configmap", "over-tls", "--from-literal=a=b"])
        #expect(applied.stdout == "configmap/over-tls created\n", "\(applied.stderr)")
        let refused = try await wrong.run(["get", "ns"])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("x509: certificate signed by unknown authority"), "\(refused.stderr)")
        #expect(try Self.curl(["--cacert", served.cert, "https://127.0.0.1:\(emulator.port)/version"]).status == 200)
    }

    /// kubectl sends tokens over TLS only (clientcmd drops credentials for http servers), so both go together.
    @Test(.enabled(if: Kubectl.path != nil)) func kubectlWithTokenOverGeneratedCertificate() async throws {
        let emulator = try EmulatorProcess(arguments: ["--tls-generate", "--token", "s3cret"])
        defer { emulator.stop() }
        let line = emulator.output.split(separator: "\n").first { $0.hasPrefix("tls certificate ") }
        let path = try #require(line.map { String($0.dropFirst("tls certificate ".count)) })
        let good = try Kubectl(port: emulator.port, scheme: "https", user: "{token: s3cret}", certificateAuthority: path)
        let bad = try Kubectl(port: emulator.port, scheme: "https", user: "{token: nope}", certificateAuthority: path)
        defer {
            [good, bad].forEach { $0.cleanUp() }
            try? FileManager.default.removeItem(at: URL(fileURLWithPath: path).deletingLastPathComponent())
        }
        let listed = try await good.run(["get", "ns", "default", "-o", "name"])
        #expect(listed.stdout == "namespace/default\n", "\(listed.stderr)")
        let refused = try await bad.run(["get", "ns", "default"])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("error: You must be logged in to the server"), "\(refused.stderr)")
    }
}
