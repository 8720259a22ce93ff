import CapstanCore
import CapstanTesting
import Foundation
import Testing

/// How `capstan-applier` reaches the emulator: impersonation, retries on injected faults, tokens.
@Suite struct OneShotAccessTests {
    let bundle = [Fixtures.namespace("shop")] + (1...6).map { Fixtures.configMap("c\($0)") }

    @Test func everyRequestImpersonatesTheServiceAccount() async throws {
        let cluster = try await EmulatedCluster()
        defer { cluster.stop() }
        let run = try await OneShotRun.run("apply", app: "shop", bundle, kubeconfig: cluster.kubeconfig, flags: ["--service-account", "shop/deployer"])
        #expect(run.status == 0, "\(run)")
        let log = try JSONValue.parse(Array(try await LoopbackHTTP.get(port: cluster.port, path: "/_sim/impersonation").body.utf8))
        guard case .object(let users) = log else { Issue.record("not an object: \(log)"); return }
        #expect(Array(users.keys) == ["system:serviceaccount:shop:deployer"])
        // The log counts discovery too; the metrics count only resource requests, so they are a lower bound.
        let resourceRequests = try await cluster.requests(verbs: ["GET", "LIST", "APPLY", "PATCH", "POST", "PUT", "DELETE"])
        #expect(Int(users.values.first?.intValue ?? 0) >= resourceRequests && resourceRequests > 0)
    }

    @Test func aMalformedServiceAccountIsRefusedBeforeAnyRequest() async throws {
        let cluster = try await EmulatedCluster()
        defer { cluster.stop() }
        let run = try await OneShotRun.run("apply", app: "shop", bundle, kubeconfig: cluster.kubeconfig, flags: ["--service-account", "deployer"])
        #expect(run.status == 2)
        #expect(run.output.contains("--service-account deployer: expected <namespace>/<name>"), "\(run)")
        #expect(try await cluster.requests(verbs: ["GET", "LIST", "APPLY"]) == 0)
    }

    @Test func injected429And503AndDroppedConnectionsAreRetried() async throws {
        // About 30 requests at a 35 % fault rate: faults are all but certain (0.65^30 < 1e-5 to see none), and
        // the client's retries times the applier's (5 × 5 attempts) make giving up as unlikely (0.35^25).
        let cluster = try await EmulatedCluster(["--faults", "429=0.05,503=0.15,drop=0.15"])
        defer { cluster.stop() }
        let run = try await OneShotRun.run("apply", app: "shop", bundle, kubeconfig: cluster.kubeconfig)
        #expect(run.status == 0, "\(run)")
        #expect(run.lines == ["namespace/shop created"] + (1...6).map { "configmap/c\($0) created" })
        _ = try await LoopbackHTTP.request("DELETE", port: cluster.port, path: "/_sim/faults")
        let again = try await OneShotRun.run("apply", app: "shop", bundle, kubeconfig: cluster.kubeconfig)
        #expect(again.lines.allSatisfy { $0.hasSuffix(" unchanged") }, "\(again)")
    }

    @Test func aBearerTokenIsSentAndAWrongOneRefused() async throws {
        let cluster = try await EmulatedCluster(["--token", "s3cret"], user: "token: s3cret")
        defer { cluster.stop() }
        let run = try await OneShotRun.run("apply", app: "shop", bundle, kubeconfig: cluster.kubeconfig)
        #expect(run.status == 0, "\(run)")

        let wrong = try cluster.kubeconfig(user: "token: guessed")
        defer { try? FileManager.default.removeItem(at: wrong) }
        let refused = try await OneShotRun.run("apply", app: "shop", bundle, kubeconfig: wrong)
        #expect(refused.status != 0)
        #expect(refused.output.contains("Unauthorized") || refused.output.contains("401"), "\(refused)")
        #expect(!refused.output.contains("guessed"), "credentials never appear in errors")
    }
}
