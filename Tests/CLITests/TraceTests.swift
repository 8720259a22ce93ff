import CapstanCore
import CapstanTesting
import Foundation
import Testing

/// One commit followed through the three stages' logs by `grep`: each stage logs its revision
/// with `revision=`, and the renderer's and the applier's lines about it carry the same `bundle=`.
@Suite(.serialized) struct TraceTests {
    @Test func grepForOneCommitsRevisionTellsItsStoryInEveryStageWithOneBundleDigest() async throws {
        try await Stack.with(files: [
            "apps/web/namespace.yaml": EndToEndTests.namespace,
            "apps/web/web.yaml": EndToEndTests.configMap("web", color: "blue"),
        ]) { stack in
            let first = try stack.git.head()
            _ = try await stack.waitForApp("web", within: .seconds(30)) { KillRestartTests.isReady($0, at: first) }
            // The commit to follow is the second one, so lines about the first must not match it.
            let traced = try stack.git.commit("green", files: ["apps/web/web.yaml": EndToEndTests.configMap("web", color: "green")])
            let reconcile = try await stack.capstan(["reconcile", "web", "--timeout", "30s"])
            #expect(reconcile.status == 0, "\(reconcile.stdout)\(reconcile.stderr)\n\(stack.logs())")
            let ready = try await stack.waitForApp("web", within: .seconds(30)) { KillRestartTests.isReady($0, at: traced) }
            let bundle = try #require(ready["applier"]?["bundle"]?.stringValue, "\(ready)")

            let revision = "revision=main@sha1:\(traced)"
            var story: [String: [String]] = [:]
            for stage in ["fetcher", "renderer", "applier"] {
                story[stage] = stack.processes.lines(stage).filter { $0.contains(revision + " ") }
                #expect(story[stage]?.isEmpty == false, "\(stage) never logs \(revision):\n\(stack.logs())")
            }
            // The fetcher's artifact digest leads to the renderer's line about the same revision.
            let artifact = try #require(story["fetcher"]?.compactMap { Self.field("digest", in: $0) }.first, "\(story)")
            #expect(story["renderer"]?.contains { Self.field("digest", in: $0) == artifact } == true, "\(story)")
            // Once the bundle is known, renderer and applier lines carry one digest: the applied one.
            for stage in ["renderer", "applier"] {
                let digests = Set(story[stage]?.compactMap { Self.field("bundle", in: $0) } ?? [])
                #expect(digests == [bundle], "\(stage) lines for \(revision) name bundles \(digests), applied \(bundle):\n\(story[stage] ?? [])")
            }
            #expect(story["applier"]?.contains { $0.contains("msg=\"reconciled\"") } == true, "\(story["applier"] ?? [])")
            // And the other way round: every line naming that bundle is about that revision.
            for stage in ["renderer", "applier"] {
                let strays = stack.processes.lines(stage).filter { Self.field("bundle", in: $0) == bundle && !$0.contains(revision + " ") }
                #expect(strays.isEmpty, "\(stage) lines with bundle=\(bundle) but another revision: \(strays)")
            }
        }
    }

    /// The value of logfmt field `key` in `line`, unquoted values only (digests and revisions).
    static func field(_ key: String, in line: String) -> String? {
        line.split(separator: " ").first { $0.hasPrefix(key + "=") }.map { String($0.dropFirst(key.count + 1)) }
    }
}
