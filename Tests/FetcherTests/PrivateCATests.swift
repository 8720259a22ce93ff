import Fetcher
import FetcherTesting
import Foundation
import Testing

@Suite struct PrivateCATests {
    @Test func httpsWithThePrivateCAWorksAndAnotherCAIsRefused() async throws {
        let fixture = try GitFixture()
        defer { fixture.remove() }
        let commit = try fixture.commit("served", files: ["app.yaml": "kind: ConfigMap\n"])
        _ = try fixture.bareClone()
        let serving = try TestCertificates(directory: fixture.root.path, name: "serving", home: fixture.home)
        let other = try TestCertificates(directory: fixture.root.path, name: "other", home: fixture.home)
        let server = try SmartHTTPServer.start(projectRoot: fixture.root.path, username: "bot", password: "s3cret", home: fixture.home,
                                               tls: (serving.serverCertificate, serving.serverKey))
        defer { server.stop() }
        let url = "https://127.0.0.1:\(server.port)/served.git"
        // Refused first: libgit2 keeps one CA bundle per process and the order must not hide a refusal.
        let wrong = try Self.secret(fixture.root("wrong-secret"), caFile: other.caCertificate)
        let error = await #expect(throws: FetchError.self) { try await PackTests.sync(url, data: fixture.root("data-wrong"), secret: wrong) }
        #expect(error?.message.contains("TLS certificate of 127.0.0.1:\(server.port) is not trusted by the CAs in \(wrong)/caFile") == true, "\(error?.message ?? "")")
        #expect(error?.action == .waitForFix)
        let right = try Self.secret(fixture.root("right-secret"), caFile: serving.caCertificate)
        let outcome = try await PackTests.sync(url, data: fixture.root("data-right"), secret: right)
        #expect(outcome.revision.commit.id == commit)
        #expect(outcome.fetch.receivedBytes > 0)
    }

    /// A Flux-style secret directory: username, password and caFile.
    static func secret(_ directory: String, caFile: String) throws -> String {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        try "bot\n".write(toFile: directory + "/username", atomically: true, encoding: .utf8)
        try "s3cret\n".write(toFile: directory + "/password", atomically: true, encoding: .utf8)
        try FileManager.default.copyItem(atPath: caFile, toPath: directory + "/caFile")
        return directory
    }
}
