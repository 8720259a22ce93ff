import CapstanCore
import Curl
import Foundation
import Kube
import Testing

@Suite struct TransportTests {
    @Test func sendsBearerTokenAndImpersonationHeaders() async throws {
        let server = try FakeAPIServer(["--token", "s3cret"])
        defer { server.stop() }
        let kube = client(for: server, token: "s3cret").impersonating(Impersonation(serviceAccount: "shop/deployer"))
        _ = try await kube.serverVersion()
        let request = try #require(try await server.requests().last)
        #expect(request.value(at: ["headers", "authorization"]) == "Bearer s3cret")
        #expect(request.value(at: ["headers", "impersonate-user"]) == "system:serviceaccount:shop:deployer")
    }

    @Test func refusesAWrongTokenWithTheServersStatus() async throws {
        let server = try FakeAPIServer(["--token", "s3cret"])
        defer { server.stop() }
        await #expect { try await client(for: server, token: "wrong").serverVersion() } throws: { error in
            (error as? KubeAPIError)?.code == 401 && "\(error)" == "Error from server (Unauthorized): Unauthorized"
        }
        #expect(try await server.requests().count == 1)
    }

    @Test func retriesOn429HonouringRetryAfter() async throws {
        let server = try FakeAPIServer()
        defer { server.stop() }
        try await server.inject(["path": "/version", "status": 429, "reason": "TooManyRequests", "retryAfter": 1, "count": 1])
        let start = ContinuousClock.now
        _ = try await client(for: server).serverVersion()
        #expect(start.duration(to: .now) >= .milliseconds(950))
        #expect(try await server.requests().count == 2)
    }

    @Test func retriesOn503AndDroppedConnections() async throws {
        let server = try FakeAPIServer()
        defer { server.stop() }
        try await server.inject(["path": "/version", "status": 503, "count": 2])
        try await server.inject(["path": "/version", "drop": true, "count": 1])
        let version = try await client(for: server).serverVersion()
        #expect(version["minor"] == "32")
        #expect(try await server.requests().count == 4)
    }

    @Test func givesUpAfterMaxAttempts() async throws {
        let server = try FakeAPIServer()
        defer { server.stop() }
        try await server.inject(["path": "/version", "status": 503, "message": "etcd is down", "reason": "ServiceUnavailable", "count": 10])
        await #expect { try await client(for: server).serverVersion() } throws: { error in
            "\(error)" == "Error from server (ServiceUnavailable): etcd is down"
        }
        #expect(try await server.requests().count == 4)
    }

    @Test func doesNotRetryNotFoundOrInvalid() async throws {
        let server = try FakeAPIServer()
        defer { server.stop() }
        let kube = client(for: server)
        await #expect { try await kube.get(configMapKind, namespace: "default", name: "nope") } throws: { error in
            let api = error as? KubeAPIError
            return api?.isNotFound == true && "\(error)" == #"Error from server (NotFound): configmaps "nope" not found"#
        }
        await #expect { try await kube.apply(configMap("invalid-one")) } throws: { error in
            let api = try #require(error as? KubeAPIError)
            return api.code == 422 && api.reason == "Invalid" && api.causes.first?.field == "data"
                && api.message == #"ConfigMap "invalid-one" is invalid: data: Invalid value: "x": bad"#
        }
        let paths = try await server.requests().compactMap { $0["path"]?.stringValue }.filter { $0.contains("configmaps") }
        #expect(paths.count == 2)
    }

    @Test func decodesAStatusWithoutBodyFromTheCode() async throws {
        let server = try FakeAPIServer()
        defer { server.stop() }
        try await server.inject(["path": "/version", "status": 403, "body": ["not": "a status"], "count": 1])
        await #expect { try await client(for: server).serverVersion() } throws: { error in
            "\(error)" == "Error from server (Forbidden): the server does not allow access to the requested resource"
        }
    }

    @Test func qpsLimiterSpacesRequestsAfterTheBurst() async throws {
        let server = try FakeAPIServer()
        defer { server.stop() }
        let kube = client(for: server, options: testOptions(qps: 20, burst: 2))
        let start = ContinuousClock.now
        try await withThrowingTaskGroup(of: Void.self) { group in
            for _ in 0..<12 { group.addTask { _ = try await kube.serverVersion() } }
            try await group.waitForAll()
        }
        // 2 at once, then 10 more at 20/s: at least 0.5 s.
        #expect(start.duration(to: .now) >= .milliseconds(450))
    }

    @Test func boundsRequestsInFlight() async throws {
        let server = try FakeAPIServer()
        defer { server.stop() }
        try await server.inject(["path": "/version", "delay": 0.1, "count": 8])
        let kube = client(for: server, options: testOptions(maxConcurrentRequests: 2))
        try await withThrowingTaskGroup(of: Void.self) { group in
            for _ in 0..<8 { group.addTask { _ = try await kube.serverVersion() } }
            try await group.waitForAll()
        }
        let peak = try await server.control("/_max_inflight")["max"]?.intValue
        #expect(peak == 2)
    }

    @Test func reportsAnUnreachableServerAsTransportError() async throws {
        let kube = KubeClient(config: KubeConfig(server: "http://127.0.0.1:1"), options: testOptions())
        await #expect { try await kube.serverVersion() } throws: { error in
            guard case .transport(let method, let path, let curl) = error as? KubeClientError else { return false }
            return method == "GET" && path == "/version" && curl.function == "curl_easy_perform" && curl.isRetryable
        }
    }
}
