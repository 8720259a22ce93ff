import CapstanCore
import Crypto
@testable import Fetcher
@testable import FetcherStage
import Foundation
import Git
import Logging
import Testing

@Suite struct WebhookRoutesTests {
    @Test func verifiedPushTriggersAndBadOnesAreRefused() throws {
        let directory = NSTemporaryDirectory() + "capstan-hooks-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try "hook-secret\n".write(toFile: directory + "/secret", atomically: true, encoding: .utf8)
        let sources = [SourceConfig(name: "site", url: "/nowhere", webhookSecret: directory + "/secret"), SourceConfig(name: "quiet", url: "/nowhere")]
        let board = SourceBoard(names: ["site", "quiet"])
        let routes = WebhookRoutes(board: board, sources: sources, maxBody: 1024, logger: Logger(label: "test"))
        let body = Array(#"{"ref":"refs/heads/main"}"#.utf8)
        let mac = HMAC<SHA256>.authenticationCode(for: body, using: SymmetricKey(data: Array("hook-secret".utf8)))
        let signed = ["X-Hub-Signature-256": "sha256=" + mac.map { String(format: "%02x", $0) }.joined(), "X-GitHub-Delivery": "abc"]
        #expect(routes.handle(source: "site", headers: signed, body: body) == .accepted)
        #expect(routes.handle(source: "site", headers: signed, body: body) == .ok, "replayed delivery ignored")
        #expect(routes.handle(source: "site", headers: ["X-Hub-Signature-256": "sha256=00"], body: body) == .unauthorized)
        #expect(routes.handle(source: "site", headers: ["X-Gitlab-Token": "hook-secret"], body: Array(repeating: 0, count: 2048)) == .contentTooLarge)
        #expect(routes.handle(source: "quiet", headers: signed, body: body) == .notFound)
    }

    @Test func revisionEventCarriesTheRevisionFields() throws {
        let revision = FetchedRevision(source: "site", revision: Revision(ref: "main", commit: String(repeating: "a", count: 40)),
                                       digest: Digest(of: [1, 2, 3]), size: 10, path: "/x", files: 2,
                                       commit: CommitInfo(id: String(repeating: "a", count: 40), author: "A", email: "a@b", time: 5, timeOffset: 0, subject: "s"),
                                       warnings: [])
        let event = revision.event
        #expect(event.topic == "revision.site")
        #expect(event.fields["revision"] == .string("main@sha1:" + String(repeating: "a", count: 40)))
        #expect(event.fields["digest"] == .string(Digest(of: [1, 2, 3]).description))
        #expect(event.fields["size"] == JSONValue.int(10))
    }
}
