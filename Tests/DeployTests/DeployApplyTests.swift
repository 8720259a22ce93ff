import CapstanCore
import Foundation
import Testing

/// deploy/, its HA overlay and the bootstrap overlay, rendered by Capstan, go into a real
/// `capstan-kubesim`: `capstan-applier` creates every object and then finds nothing to write,
/// and `kubectl apply --server-side --dry-run=server` accepts every object.
@Suite struct DeployApplyTests {
    static let overlays = ["deploy", "deploy/overlays/ha", "examples/bootstrap"]

    @Test(arguments: overlays)
    func capstanApplierCreatesEveryObjectAndReappliesWithoutAWrite(overlay: String) async throws {
        let rendered = try RepositoryFiles.build(overlay)
        let cluster = try await EmulatedCluster()
        defer { cluster.stop() }

        let first = try await cluster.capstanApply(app: "capstan", rendered.yaml)
        #expect(first.status == 0, "\(first)")
        #expect(first.lines.count == rendered.objects.count, "\(first)")
        #expect(Set(first.lines) == Set(rendered.objects.map { $0.resourceName + " created" }), "\(first)")

        let writes = try await cluster.writes()
        let again = try await cluster.capstanApply(app: "capstan", rendered.yaml)
        #expect(again.status == 0, "\(again)")
        #expect(Set(again.lines) == Set(rendered.objects.map { $0.resourceName + " unchanged" }), "\(again)")
        #expect(try await cluster.writes() == writes, "re-applying \(overlay) unchanged must send no write")
    }

    @Test(arguments: overlays)
    func kubectlServerSideDryRunAcceptsEveryObject(overlay: String) async throws {
        guard let kubectl = Kubectl.path else {
            print("skipping the kubectl dry run of \(overlay): kubectl is not installed")
            return
        }
        let rendered = try RepositoryFiles.build(overlay)
        let cluster = try await EmulatedCluster()
        defer { cluster.stop() }
        // A dry run creates nothing, the namespace included; as on a real API server the namespaced
        // objects then need the namespace to exist already.
        let namespace = try await cluster.kubectl(kubectl, ["create", "namespace", "capstan-system"])
        #expect(namespace.status == 0, "\(namespace)")

        let run = try await cluster.kubectl(kubectl, ["apply", "--server-side", "--dry-run=server", "-f", "-"], input: rendered.yaml)
        #expect(run.status == 0, "\(run)")
        #expect(run.lines == rendered.objects.map { $0.resourceName + " serverside-applied (server dry run)" }, "\(run)")
        for deployment in rendered.objects where deployment["kind"]?.stringValue == "Deployment" {
            let path = "/apis/apps/v1/namespaces/capstan-system/deployments/\(deployment.name)"
            #expect(try await cluster.get(path) == nil, "the dry run stored \(deployment.name)")
        }
    }
}
