import CapstanCore
import Testing

@testable import Renderer

@Suite struct AppRenderStepTests {
    let artifact = Digest(of: Array("artifact".utf8))

    func step(_ store: BundleStore) -> AppRenderStep { AppRenderStep(renderer: Renderer(), store: store) }

    @Test func firstRenderIsAChangeAndTheSameBundleAgainIsNot() throws {
        let tree = try TreeFixture(["apps/web/m.yaml": configMap("web")])
        let data = try TreeFixture()
        let store = try BundleStore(directory: data.root)
        let app = AppConfig(name: "web", source: "repo", path: "apps/web")
        guard case .changed(let event) = step(store).run(app, root: tree.root, revision: "main@sha1:1", artifact: artifact)
        else { Issue.record("expected a change"); return }
        #expect(event.objectCount == 1)
        #expect(store.current(of: "web") == event.bundle)
        let again = step(store).run(app, root: tree.root, revision: "main@sha1:2", artifact: artifact)
        guard case .unchanged(let second) = again else { Issue.record("expected no change"); return }
        #expect(second.bundle == event.bundle)
        #expect(second.revision == "main@sha1:2")
    }

    @Test func failedRenderKeepsTheLastGoodBundleCurrent() throws {
        let tree = try TreeFixture(["apps/web/m.yaml": configMap("web")])
        let data = try TreeFixture()
        let store = try BundleStore(directory: data.root)
        let app = AppConfig(name: "web", source: "repo", path: "apps/web", substitute: ["A": "1"])
        _ = step(store).run(app, root: tree.root, revision: "main@sha1:1", artifact: artifact)
        let good = store.current(of: "web")
        try tree.write("apps/web/m.yaml", configMap("web-${MISSING}"))
        let outcome = step(store).run(app, root: tree.root, revision: "main@sha1:2", artifact: artifact)
        guard case .failed(let error, let lastGood) = outcome else { Issue.record("expected a failure"); return }
        #expect(error.location == "ConfigMap/web-${MISSING}")
        #expect(lastGood == good)
        #expect(store.current(of: "web") == good)
    }

    @Test func ledgerSaysWhenARenderIsStale() {
        let ledger = RevisionLedger()
        ledger.record("main@sha1:1", for: "repo")
        #expect(!ledger.isStale("main@sha1:1", of: "repo"))
        ledger.record("main@sha1:2", for: "repo")
        #expect(ledger.isStale("main@sha1:1", of: "repo"))
        #expect(!ledger.isStale("x", of: "other"))
    }

    @Test func eventFieldsNameEverythingTheApplierNeeds() {
        let event = BundleEvent(app: "web", revision: "main@sha1:1", artifact: artifact, bundle: artifact, objectCount: 2, renderSeconds: 0.5)
        #expect(event.fields["bundle"] == .string(artifact.description))
        #expect(event.fields["objects"] == .int(2))
    }
}
