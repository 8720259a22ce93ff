import CapstanTesting
import FetcherTesting
import Foundation
import Testing

/// `capstan revisions` against a real `capstan-fetcher run` and a git repository made here.
@Suite struct RevisionsCommandTests {
    @Test func showsEachSourcesRevisionArtifactAndFetchTimesFromARealFetcher() async throws {
        let fixture = try GitFixture()
        defer { fixture.remove() }
        let commit = try fixture.commit("first", files: ["apps/web/cm.yaml": "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: web}\n"])
        let (pub, router, http) = (FreePort.next(), FreePort.next(), FreePort.next())
        let config = fixture.root("capstan.yaml")
        try """
            sources:
              - { name: site, url: "\(fixture.path)", interval: 1h }
              - { name: gone, url: "\(fixture.root("missing"))", interval: 1h }
            stages:
              fetcher: { pub: "tcp://127.0.0.1:\(pub)", router: "tcp://127.0.0.1:\(router)", http: "127.0.0.1:\(http)", data: "\(fixture.root("data"))" }
            """.write(toFile: config, atomically: true, encoding: .utf8)
        let fetcher = try ChildProcess(try ChildProcess.builtExecutable("capstan-fetcher"), ["run", "--config", config, "--http", "127.0.0.1:\(http)"])
        defer { fetcher.stop() }
        var run = try await CommandRun.capstan(["revisions", "--config", config])
        let deadline = ContinuousClock.now + .seconds(20)
        // nextFetch is set just after the fetch is recorded, so wait for both.
        while !(run.lines.contains { $0.hasPrefix("site") && $0.contains("True") && $0.contains(" in ") } && run.lines.contains { $0.hasPrefix("gone") && $0.contains("False") }),
              ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(100))
            run = try await CommandRun.capstan(["revisions", "--config", config])
        }
        fetcher.stop()
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        #expect(run.lines.first?.hasPrefix("SOURCE   REVISION       ARTIFACT              READY   LAST FETCH   NEXT FETCH   LAST ERROR") == true, "\(run.stdout)")
        let site = try #require(run.lines.first { $0.hasPrefix("site") })
        #expect(site.contains("main@\(commit.prefix(7))   sha256:"))
        #expect(site.contains("True"))
        #expect(site.contains(" ago ") || site.contains(" now "))
        #expect(site.contains(" in "), "the next fetch is about an hour away, jittered")
        #expect(site.hasSuffix("-"))
        let gone = try #require(run.lines.first { $0.hasPrefix("gone") })
        #expect(gone.contains("False"))
        #expect(gone.contains("gone"))
    }
}
