import CapstanCore
import Foundation
import Messaging
import Testing

/// The renderer daemon over real sockets: a real fetcher serving a git repository made here, and
/// `capstan-renderer run` as its own process.
@Suite(.serialized) struct RendererDaemonTests {
    static let apps = """
          - name: web
            source: site
            path: apps/web
          - name: plain
            source: site
            path: apps/plain
            substitute: { GREETING: hello }
        """

    static let files = [
        "apps/web/kustomization.yaml": "namePrefix: prod-\ncommonLabels: { tier: web }\nresources:\n  - configmap.yaml\n",
        "apps/web/configmap.yaml": "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: web\ndata:\n  color: blue\n",
        "apps/plain/service.yaml": "apiVersion: v1\nkind: Service\nmetadata:\n  name: plain\n  annotations:\n    greeting: ${GREETING}\nspec:\n  ports:\n    - port: 80\n",
    ]

    static func bundle(_ event: Event) -> Digest? { event.fields["bundle"]?.stringValue.flatMap(Digest.init) }

    @Test func commitBecomesBundleEventAndBrokenCommitKeepsTheLastGoodBundle() async throws {
        try await StageFixture.with(files: Self.files, apps: Self.apps) { stack in
            let events = try await stack.subscribe()
            let head = try stack.git.head()

            let first = try #require(await events.last("bundle.web"))
            #expect(first.fields["revision"]?.stringValue == "main@sha1:\(head)")
            #expect(first.fields["source"] == "site")
            #expect(first.fields["objects"] == 1)
            #expect(first.fields["artifact"]?.stringValue?.hasPrefix("sha256:") == true)
            let digest = try #require(Self.bundle(first))
            let yaml = String(decoding: try await #require(stack.client).get(digest), as: UTF8.self)
            #expect(yaml.contains("name: prod-web"))
            let warning = try await #require(stack.renderer).line(containing: "overlay warning")
            #expect(warning.contains("app=web") && warning.contains("commonLabels"))
            let rendered = try await #require(stack.renderer).line(containing: "msg=\"rendered\" ")
            #expect(rendered.contains("bundle=sha256:") && rendered.contains("revision=main@sha1:") && rendered.contains("duration="))
            let plain = try #require(await events.last("bundle.plain"))
            let plainYAML = String(decoding: try await #require(stack.client).get(try #require(Self.bundle(plain))), as: UTF8.self)
            #expect(plainYAML.contains("greeting: hello"))

            try await stack.commit("break web", files: ["apps/web/configmap.yaml": "apiVersion: v1\nkind: [unclosed\n"])
            let failure = try #require(await events.last("status.web") { $0.fields["phase"] == "Failed" })
            let error = try #require(failure.fields["error"]?.stringValue)
            #expect(error.contains("configmap.yaml"))
            #expect(failure.fields["bundle"]?.stringValue == digest.description)
            #expect(failure.fields["stage"] == "renderer")
            let status = try #require(await stack.status(of: "web"))
            #expect(status["phase"] == "Failed")
            #expect(status["bundle"]?.stringValue == digest.description)
            #expect(try await #require(stack.client).get(digest).count == yaml.utf8.count)
            #expect(events.all.filter { $0.topic == "bundle.web" }.count == 1)
            // plain renders the new commit too, to the same bundle: no second bundle.plain event.
            let broken = "main@sha1:\(try stack.git.head())"
            #expect(await eventually { await stack.status(of: "plain")?["revision"]?.stringValue == broken })
            #expect(events.all.filter { $0.topic == "bundle.plain" }.count == 1)

            try await stack.commit("fix web", files: ["apps/web/configmap.yaml": "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: web\ndata:\n  color: green\n"])
            let fixed = try #require(await events.last("bundle.web") { Self.bundle($0) != digest })
            let fixedYAML = String(decoding: try await #require(stack.client).get(try #require(Self.bundle(fixed))), as: UTF8.self)
            #expect(fixedYAML.contains("color: green"))
            #expect(await events.last("status.web") { $0.fields["phase"] == "Ready" } != nil)
        }
    }

    @Test func restartAfterKillServesTheStoredBundlesWithoutRendering() async throws {
        try await StageFixture.with(files: Self.files, apps: Self.apps) { stack in
            #expect(await eventually {
                let web = await stack.status(of: "web"), plain = await stack.status(of: "plain")
                return web?["phase"] == "Ready" && plain?["phase"] == "Ready"
            })
            let before = try #require(await stack.status(of: "web")?["bundle"]?.stringValue)
            #expect(await stack.renders() == 2)

            try await stack.killRenderer()
            try await stack.startRenderer()
            let events = try await stack.subscribe()
            // The snapshot carries the stored bundle at once, and the fetcher's revision arrives…
            let announced = try #require(await events.last("bundle.web"))
            #expect(announced.fields["bundle"]?.stringValue == before)
            #expect(try await stack.renderer?.line(containing: "revision") != nil)
            // …without any render: the ledger says both apps already rendered this artifact.
            #expect(await stack.renders() == 0)
            #expect(await stack.status(of: "web")?["phase"] == "Ready")
            #expect(try await #require(stack.client).get(try #require(Digest(before))).isEmpty == false)

            // TRIGGER renders again from the current revision (fetching the artifact anew), same bundle.
            #expect(try await #require(stack.client).trigger("web")["triggered"] == "web")
            #expect(await eventually {
                let renders = await stack.renders(), web = await stack.status(of: "web")
                return renders == 1 && web?["phase"] == "Ready"
            })
            #expect(events.all.filter { $0.topic == "bundle.web" }.count == 1)
            await #expect(throws: RequestError.self) { try await stack.client?.trigger("nope") }

            // A ledger entry whose bundle file vanished is not trusted: both apps render again.
            try await stack.killRenderer()
            let bundles = stack.git.root("renderer/bundles")
            for name in try FileManager.default.contentsOfDirectory(atPath: bundles) {
                try FileManager.default.removeItem(atPath: bundles + "/" + name)
            }
            try await stack.startRenderer()
            #expect(await eventually {
                let renders = await stack.renders(), web = await stack.status(of: "web")
                return renders == 2 && web?["phase"] == "Ready"
            })
            #expect(await stack.status(of: "web")?["bundle"]?.stringValue == before)
            #expect(try await #require(stack.client).get(try #require(Digest(before))).isEmpty == false)
        }
    }
}
