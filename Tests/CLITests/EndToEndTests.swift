import CapstanCore
import CapstanTesting
import FetcherTesting
import Foundation
import Testing

/// The whole pipeline: one config, `capstan-fetcher run`, `capstan-renderer run` and
/// `capstan-applier run` as processes over real ZeroMQ, a git repository made here, and
/// `capstan-kubesim` as the cluster; driven and checked with the `capstan` CLI.
@Suite(.serialized) struct EndToEndTests {
    static let namespace = "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n"
    static func configMap(_ name: String, color: String) -> String {
        "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: \(name)\ndata:\n  color: \(color)\n"
    }

    @Test func commitsBecomeObjectsChangesUpdatePrunesRemovedFilesSuspensionHoldsDriftHealsAndStatusShowsIt() async throws {
        try await Stack.with(files: [
            "apps/web/namespace.yaml": Self.namespace,
            "apps/web/web.yaml": Self.configMap("web", color: "blue"),
            "apps/web/extra.yaml": Self.configMap("extra", color: "red"),
        ]) { stack in
            // The first commit converges on its own: the fetcher fetches on start.
            let first = try await stack.waitForStatus { $0.hasPrefix("web") && $0.contains("Ready") }
            #expect(first.contains("site main@\(try stack.git.head().prefix(7))"), "\(first)")
            #expect(try await stack.cluster.get("/api/v1/namespaces/shop/configmaps/web")?["data"]?["color"] == "blue")
            #expect(try await stack.cluster.get("/api/v1/namespaces/shop/configmaps/extra") != nil)

            // A change and a removed file, pushed through by `capstan reconcile`.
            try stack.git.git("rm", "-q", "apps/web/extra.yaml")
            let second = try stack.git.commit("green, no extra", files: ["apps/web/web.yaml": Self.configMap("web", color: "green")])
            let reconcile = try await stack.capstan(["reconcile", "web", "--timeout", "60s"])
            #expect(reconcile.status == 0, "\(reconcile.stdout)\(reconcile.stderr)\n\(stack.logs())")
            #expect(reconcile.lines.last == "web: Ready at main@\(second.prefix(7)), 2 objects", "\(reconcile.stdout)")
            #expect(try await stack.cluster.get("/api/v1/namespaces/shop/configmaps/web")?["data"]?["color"] == "green")
            #expect(try await stack.cluster.get("/api/v1/namespaces/shop/configmaps/extra") == Optional<JSONValue>.none)

            let diff = try await stack.capstan(["diff", "web"])
            #expect(diff.status == 0 && diff.stdout.isEmpty, "the applied bundle has nothing left to change: \(diff.stdout)\(diff.stderr)")

            let status = try await stack.capstan(["status"])
            #expect(status.status == 0, "\(status.stderr)")
            let row = try #require(status.lines.first { $0.hasPrefix("web") })
            #expect(row.contains("site main@\(second.prefix(7))") && row.contains("Ready") && row.contains("   2   "), "\(row)")

            // Suspended: a new commit renders but is not applied, and reconcile says why; resume applies it.
            #expect(try await stack.capstan(["suspend", "web"]).status == 0)
            let held = try stack.git.commit("purple", files: ["apps/web/web.yaml": Self.configMap("web", color: "purple")])
            let whileSuspended = try await stack.capstan(["reconcile", "web", "--timeout", "60s"])
            #expect(whileSuspended.status == 1 && whileSuspended.lines.last == "web: suspended: nothing is applied until `capstan resume`",
                    "\(whileSuspended.stdout)\(whileSuspended.stderr)")
            #expect(try await stack.cluster.get("/api/v1/namespaces/shop/configmaps/web")?["data"]?["color"] == "green")
            #expect(try await stack.capstan(["resume", "web"]).status == 0)
            let resumed = try await stack.capstan(["reconcile", "web", "--timeout", "60s"])
            #expect(resumed.status == 0 && resumed.lines.last == "web: Ready at main@\(held.prefix(7)), 2 objects", "\(resumed.stdout)\(resumed.stderr)")
            #expect(try await stack.cluster.get("/api/v1/namespaces/shop/configmaps/web")?["data"]?["color"] == "purple")

            // Drift: an out-of-band delete is healed, and `status` counts the correction.
            let deleted = try await LoopbackHTTP.request("DELETE", port: stack.cluster.port, path: "/api/v1/namespaces/shop/configmaps/web")
            #expect(deleted.status == 200, "\(deleted.body)")
            let healed = try await stack.waitForApp("web") { ($0["driftCorrections"]?.intValue ?? 0) >= 1 }
            #expect(healed["phase"] == "Ready", "\(healed)")
            #expect(try await stack.cluster.get("/api/v1/namespaces/shop/configmaps/web")?["data"]?["color"] == "purple")
            let healedRow = try await stack.waitForStatus { $0.hasPrefix("web") }
            #expect(healedRow.contains("Ready   2         \(healed["driftCorrections"]?.intValue ?? 0)   "), "the DRIFT column: \(healedRow)")

            let events = try await stack.capstan(["events"])
            #expect(events.status == 0, "\(events.stderr)")
            #expect(events.lines.contains { $0.contains("fetcher   revision.site") && $0.contains("revision=main@\(held.prefix(7))") && $0.contains("\"purple\"") })
            #expect(events.lines.contains { $0.contains("renderer  bundle.web") && $0.contains("objects=2") })
            #expect(events.lines.contains { $0.contains("applier   status.web") && $0.contains("phase=Ready") })

            // A broken commit fails to render: reconcile exits 1, status names the file, the cluster stays.
            let broken = try stack.git.commit("break", files: ["apps/web/web.yaml": "apiVersion: v1\nkind: [unclosed\n"])
            let failed = try await stack.capstan(["reconcile", "web", "--timeout", "60s"])
            #expect(failed.status == 1, "\(failed.stdout)\(failed.stderr)")
            #expect(failed.lines.last?.hasPrefix("web: render failed at main@\(broken.prefix(7)): ") == true, "\(failed.stdout)")
            let after = try await stack.capstan(["status"])
            let failedRow = try #require(after.lines.first { $0.hasPrefix("web") })
            #expect(failedRow.contains("Failed") && failedRow.contains("render: ") && failedRow.contains("web.yaml"), "\(failedRow)")
            #expect(try await stack.cluster.get("/api/v1/namespaces/shop/configmaps/web")?["data"]?["color"] == "purple")

            let revisions = try await stack.capstan(["revisions"])
            #expect(revisions.lines.contains { $0.hasPrefix("site") && $0.contains("main@\(broken.prefix(7))") && $0.contains("True") })
        }
    }
}
