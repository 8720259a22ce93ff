import CapstanCore
import Sandbox
import Foundation
import Testing

@testable import Renderer

@Suite struct PlainDirectoryTests {
    func names(_ bundle: ManifestBundle) -> [String] {
        bundle.yaml.split(separator: "\n").filter { $0.hasPrefix("  name: ") }.map { String($0.dropFirst(8)) }
    }

    @Test func filesRenderInPathOrderWithDocumentsInFileOrder() throws {
        let tree = try TreeFixture([
            "app/b.yaml": configMap("b1") + "---\n" + configMap("b2"),
            "app/a-x.yml": configMap("ax"),
            "app/a/z.yaml": configMap("az"),
            "app/c.json": #"{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"cj"}}"#,
            "app/notes.txt": "not a manifest",
        ])
        let bundle = try Renderer().render(RenderRequest(root: tree.root, path: "app"))
        #expect(names(bundle) == ["ax", "az", "b1", "b2", "cj"])
        #expect(bundle.objectCount == 5)
        #expect(bundle.digest == Digest(of: bundle.bytes))
    }

    @Test func outputIsCanonicalKustomizeYAML() throws {
        let tree = try TreeFixture(["m.yaml": "kind: ConfigMap\nmetadata: {name: x}\napiVersion: v1\ndata: {k: 'yes'}\n"])
        let bundle = try Renderer().render(RenderRequest(root: tree.root))
        #expect(bundle.yaml == "apiVersion: v1\ndata:\n  k: \"yes\"\nkind: ConfigMap\nmetadata:\n  name: x\n")
    }

    @Test func emptyDocumentsAreSkipped() throws {
        let tree = try TreeFixture(["m.yaml": "---\n" + configMap("x") + "---\n---\n"])
        #expect(try Renderer().render(RenderRequest(root: tree.root)).objectCount == 1)
    }

    @Test func documentWithoutKindIsReportedWithFileAndLine() throws {
        let tree = try TreeFixture(["app/m.yaml": configMap("x") + "---\napiVersion: v1\nmetadata:\n  name: y\n"])
        let error = #expect(throws: RenderError.self) { try Renderer().render(RenderRequest(root: tree.root, path: "app")) }
        #expect(error?.kind == .invalidManifest)
        #expect(error?.location == "app/m.yaml:8")
        #expect(error?.reason == "document has no kind")
    }

    @Test func scalarDocumentIsReported() throws {
        let tree = try TreeFixture(["values.yaml": "just a string\n"])
        let error = #expect(throws: RenderError.self) { try Renderer().render(RenderRequest(root: tree.root)) }
        #expect(error?.location == "values.yaml:1")
        #expect(error?.reason == "document is not a mapping")
    }

    @Test func yamlSyntaxErrorNamesFileAndLine() throws {
        let tree = try TreeFixture(["bad.yaml": configMap("x") + "  : : [\n"])
        let error = #expect(throws: RenderError.self) { try Renderer().render(RenderRequest(root: tree.root)) }
        #expect(error?.kind == .invalidManifest)
        #expect(error?.location.hasPrefix("bad.yaml:") == true)
    }

    @Test func kustomizationAndChartAreDetected() throws {
        let tree = try TreeFixture([
            "k/kustomization.yaml": "resources: []\n", "k2/Kustomization": "resources: []\n",
            "c/Chart.yaml": "name: c\n",
        ])
        let source = try Sandbox.SourceTree(root: tree.root)
        #expect(try AppLayout.detect("k", in: source) == .overlay(file: "k/kustomization.yaml"))
        #expect(try AppLayout.detect("k2", in: source) == .overlay(file: "k2/Kustomization"))
        #expect(try AppLayout.detect("c", in: source) == .chart(file: "c/Chart.yaml"))
        let error = #expect(throws: RenderError.self) { try Renderer(engines: RenderEngines()).render(RenderRequest(root: tree.root, path: "c")) }
        #expect(error?.kind == .unsupported)
        #expect(error?.description.contains("charts are not supported yet") == true)
    }

    @Test func overlayEngineIsCalledWithTheDirectory() throws {
        let tree = try TreeFixture(["o/kustomization.yaml": "resources: []\n"])
        let engines = RenderEngines(overlay: { directory, _ in
            [["apiVersion": "v1", "kind": "Namespace", "metadata": ["name": .string(directory)]]]
        })
        let bundle = try Renderer(engines: engines).render(RenderRequest(root: tree.root, path: "o"))
        #expect(bundle.yaml == "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: o\n")
    }
}
