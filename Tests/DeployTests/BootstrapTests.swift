import CapstanCore
import Foundation
import Renderer
import Testing

/// examples/bootstrap lets Capstan manage its own deployment: its config names an app whose path
/// is the directory itself, the renderer builds that app exactly as `kubectl kustomize` does, the
/// ConfigMap it renders is that same config, and Capstan takes over a hand-applied install.
@Suite struct BootstrapTests {
    static let directory = "examples/bootstrap"

    let config: CapstanConfig

    init() throws {
        config = try RepositoryFiles.config(Self.directory + "/capstan.yaml")
    }

    func selfApp() throws -> AppConfig {
        try #require(config.app(named: "capstan"), "\(Self.directory)/capstan.yaml has no app capstan")
    }

    /// The self app rendered the way the renderer stage renders it, from the repository's root.
    func rendered() throws -> ManifestBundle {
        try Renderer().render(RenderRequest(app: try selfApp(), root: RepositoryRoot.path))
    }

    @Test func configNamesAnAppWhosePathIsThisDirectory() throws {
        let app = try selfApp()
        #expect(app.path == Self.directory)
        #expect(config.sources.contains { $0.name == app.source })
        #expect(app.targetNamespace == nil, "Capstan's objects carry their own namespaces; the ClusterRole has none")
    }

    @Test func rendererBuildsTheSelfAppAsKubectlKustomizeDoes() throws {
        let bundle = try rendered()
        #expect(bundle.yaml == (try RepositoryFiles.build(Self.directory)).yaml)
        guard let kubectl = Kubectl.path else {
            print("skipping the kubectl half of the bootstrap render: kubectl is not installed")
            return
        }
        #expect(bundle.yaml == (try Kubectl.kustomize(RepositoryRoot.file(Self.directory), kubectl: kubectl)))
    }

    @Test func theRenderedConfigMapIsThisConfigAndEveryStageMountsIt() throws {
        let objects = try RenderedObjects(Self.directory)
        let configMaps = objects.all("ConfigMap").filter { $0.name.hasPrefix("capstan-config-") }
        #expect(configMaps.count == 1)
        let configMap = try #require(configMaps.first)
        let text = try String(contentsOfFile: RepositoryRoot.file(Self.directory + "/capstan.yaml"), encoding: .utf8)
        #expect(configMap["data"]?["capstan.yaml"]?.stringValue == text, "the cluster would run another config than the one naming this app")
        for deployment in objects.all("Deployment") {
            let volumes = deployment.podSpec?["volumes"]?.arrayValue ?? []
            #expect(volumes.contains { $0["configMap"]?["name"]?.stringValue == configMap.name }, "\(deployment.name) does not mount \(configMap.name)")
        }
    }

    @Test func whatCapstanNeedsToRunIsNeverPruned() throws {
        let objects = try RenderedObjects(Self.directory).objects
        let kept = objects.filter { $0["metadata"]?["annotations"]?["capstan.dev/prune"]?.stringValue == "disabled" }.map(\.resourceName)
        for expected in ["namespace/capstan-system", "deployment.apps/capstan-applier", "serviceaccount/capstan-applier",
                         "clusterrole.rbac.authorization.k8s.io/capstan-applier", "clusterrolebinding.rbac.authorization.k8s.io/capstan-applier"] {
            #expect(kept.contains(expected), "\(expected) is not protected from pruning")
        }
    }

    @Test func capstanTakesOverAnInstallAppliedByHandAsItsFieldManager() async throws {
        try await handOver(after: [["apply", "--server-side", "--field-manager=capstan", "-k", RepositoryRoot.file(Self.directory)]])
    }

    @Test func aClientSideInstallIsMovedToCapstansFieldManagerThenTakenOver() async throws {
        let directory = RepositoryRoot.file(Self.directory)
        try await handOver(after: [["apply", "-k", directory],
                                   ["apply", "--server-side", "--field-manager=capstan", "--force-conflicts", "-k", directory]])
    }

    /// Runs the kubectl `installs` (docs/bootstrap.md, step 1) on a fresh kubesim, then
    /// `capstan-applier apply --app capstan --prune` of the rendered app twice: the first only
    /// labels every object (`configured`), the second writes nothing, and `capstan` alone owns the fields.
    func handOver(after installs: [[String]]) async throws {
        guard let kubectl = Kubectl.path else {
            print("skipping the bootstrap hand-over: kubectl is not installed")
            return
        }
        let bundle = try rendered()
        let objects = try RenderedObjects(Self.directory).objects
        let cluster = try await EmulatedCluster()
        defer { cluster.stop() }
        for install in installs {
            let run = try await cluster.kubectl(kubectl, install)
            #expect(run.status == 0 && run.lines.count == objects.count, "kubectl \(install): \(run)")
        }

        let takeOver = try await cluster.capstanApply(app: "capstan", bundle.yaml)
        #expect(takeOver.status == 0, "\(takeOver)")
        #expect(Set(takeOver.lines) == Set(objects.map { $0.resourceName + " configured" }), "\(takeOver)")

        let writes = try await cluster.writes()
        let again = try await cluster.capstanApply(app: "capstan", bundle.yaml)
        #expect(Set(again.lines) == Set(objects.map { $0.resourceName + " unchanged" }), "\(again)")
        #expect(try await cluster.writes() == writes)

        let applier = try #require(try await cluster.get("/apis/apps/v1/namespaces/capstan-system/deployments/capstan-applier"))
        let managers = Set((try JSONValue.parse(applier))["metadata"]?["managedFields"]?.arrayValue?.compactMap { $0["manager"]?.stringValue } ?? [])
        #expect(managers.subtracting(["kube-controller-manager"]) == ["capstan"], "fields owned by \(managers)")
    }
}
