import FetcherTesting
import Foundation
import Git
import Testing

@Suite struct TransportTests {
    static func fetchHead(_ url: String, mirror: String, options: FetchOptions) async throws -> String {
        try await GitWorker(name: "test").perform {
            let repository = try Repository.openOrCreateBare(at: mirror)
            _ = try repository.fetch(from: url, options: options)
            return try repository.resolve(.branch("main")).commit.hex
        }
    }

    @Test func fetchesOverGitDaemon() async throws {
        let fixture = try GitFixture()
        defer { fixture.remove() }
        let commit = try fixture.commit("served", files: ["app.yaml": "kind: ConfigMap\n"])
        _ = try fixture.bareClone()
        let daemon = try GitDaemon.start(basePath: fixture.root.path, home: fixture.home)
        defer { daemon.stop() }
        let head = try await Self.fetchHead("git://127.0.0.1:\(daemon.port)/served.git", mirror: fixture.root("mirror.git"), options: FetchOptions())
        #expect(head == commit)
    }

    @Test func fetchesOverSmartHTTPWithBasicAuthAndRefusesAWrongPassword() async throws {
        let fixture = try GitFixture()
        defer { fixture.remove() }
        let commit = try fixture.commit("served", files: ["app.yaml": "kind: ConfigMap\n"])
        _ = try fixture.bareClone()
        let server = try SmartHTTPServer.start(projectRoot: fixture.root.path, username: "bot", password: "s3cret", home: fixture.home)
        defer { server.stop() }
        let url = "http://127.0.0.1:\(server.port)/served.git"
        let good = FetchOptions(credentials: .password(username: "bot", password: "s3cret"))
        #expect(try await Self.fetchHead(url, mirror: fixture.root("mirror.git"), options: good) == commit)
        let bad = FetchOptions(credentials: .password(username: "bot", password: "wrong"))
        let error = await #expect(throws: GitError.self) { try await Self.fetchHead(url, mirror: fixture.root("other.git"), options: bad) }
        #expect(error?.kind == .authentication)
        #expect(error?.message.contains("refused the credentials") == true)
        #expect(error?.description.contains("wrong") == false, "the password never appears in errors")
        let none = await #expect(throws: GitError.self) { try await Self.fetchHead(url, mirror: fixture.root("third.git"), options: FetchOptions()) }
        #expect(none?.kind == .authentication)
    }
}
