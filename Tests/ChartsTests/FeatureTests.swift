import CapstanCore
import CapstanTesting
import Charts
import Foundation
import Sandbox
import Testing

/// Schema validation, the `--set-*` family and repeatable renders, on charts written by the test.
@Suite struct FeatureTests {
    func tree(_ files: [String: String]) throws -> (String, SourceTree) {
        let root = try ScratchTree.write(files, prefix: "charts")
        return (root, try SourceTree(root: root))
    }

    static let chart = [
        "c/Chart.yaml": "apiVersion: v2\nname: c\nversion: 1.0.0\n",
        "c/values.yaml": "image: {repository: web, tag: \"1.0\"}\nports: [80]\n",
        "c/values.schema.json": """
            {"type": "object", "additionalProperties": false,
             "properties": {
               "image": {"type": "object", "required": ["repository"],
                         "properties": {"tag": {"type": "string", "pattern": "^[0-9]+\\\\.[0-9]+$"},
                                        "pullPolicy": {"enum": ["Always", "IfNotPresent"]}}},
               "ports": {"type": "array", "items": {"type": "integer", "maximum": 65535}, "minItems": 1}}}
            """,
        "c/templates/cm.yaml": "kind: ConfigMap\ndata:\n  tag: {{ .Values.image.tag | quote }}\n",
    ]

    @Test func schemaFailuresNameEveryValuePath() throws {
        let (root, tree) = try tree(Self.chart)
        defer { try? FileManager.default.removeItem(atPath: root) }
        let error = #expect(throws: ChartError.self) {
            try Chart.render(directory: "c", in: tree, set: ["image.tag=latest", "image.pullPolicy=Never", "ports={80,70000}", "extra=1"])
        }
        #expect(error?.message == """
            values don't meet the specifications of the schema(s) in the following chart(s):
            c:
            - at '': additional property 'extra' not allowed
            - at '/image/pullPolicy': value must be one of 'Always', 'IfNotPresent'
            - at '/image/tag': 'latest' does not match pattern '^[0-9]+\\.[0-9]+$'
            - at '/ports/1': maximum: got 70000, want 65535

            """)
        var options = RenderOptions()
        options.skipSchemaValidation = true
        #expect(try Chart.render(directory: "c", in: tree, set: ["extra=1"], options: options).contains("tag: \"1.0\""))
    }

    @Test func setStringSetJSONAndSetFileLayerInHelmsOrder() throws {
        let (root, tree) = try tree(["files/cert.pem": "-----BEGIN-----\n"])
        defer { try? FileManager.default.removeItem(atPath: root) }
        let values = try ValueCoalescing.userValues(
            values: ["a": 1], set: ["b=2", "list={x,y}"], setString: ["c=3", "b=4"],
            setJSON: [#"d={"e":[1,true,null]}"#, "b=0"], setFile: ["tls.cert=files/cert.pem"], in: tree)
        #expect(values["a"] == 1)
        #expect(values["b"] == "4")
        #expect(values["c"] == "3")
        #expect(values["d"] == ["e": [1, true, .null]])
        #expect(values["list"] == ["x", "y"])
        #expect(values["tls"] == ["cert": "-----BEGIN-----\n"])
        #expect(throws: SandboxError.self) { try ValueCoalescing.userValues(setFile: ["k=../../etc/passwd"], in: tree) }
    }

    @Test func renderingTwiceLeavesTheLoadedChartAsItWas() throws {
        let (root, tree) = try tree([
            "p/Chart.yaml": "apiVersion: v2\nname: p\nversion: 1.0.0\ndependencies:\n- {name: s, alias: s2, version: 1.0.0, condition: s2.on}\n",
            "p/values.yaml": "s2: {on: true}\n",
            "p/charts/s/Chart.yaml": "apiVersion: v2\nname: s\nversion: 1.0.0\n",
            "p/charts/s/templates/cm.yaml": "kind: ConfigMap\nmetadata: {name: {{ .Chart.Name }}}\n",
        ])
        defer { try? FileManager.default.removeItem(atPath: root) }
        let chart = try Chart.load("p", in: tree)
        let first = try chart.render(user: [:], options: RenderOptions())
        #expect(first.contains("# Source: p/charts/s2/templates/cm.yaml"))
        #expect(try chart.render(user: [:], options: RenderOptions()) == first)
        #expect(try chart.render(user: ["s2": ["on": false]], options: RenderOptions()) == "\n")
    }
}

extension FeatureTests {
    @Test func helmignoreLeavesFilesOutOfTheChart() throws {
        let (root, tree) = try tree([
            "c/Chart.yaml": "apiVersion: v2\nname: c\nversion: 1.0.0\n",
            "c/.helmignore": "# editor files\n*.bak\nsecrets/\n/docs/*.md\n",
            "c/templates/cm.yaml": "kind: ConfigMap\ndata:\n  files: {{ list (.Files.Get \"conf/a.txt\") (.Files.Get \"conf/b.bak\") (.Files.Get \"secrets/key.txt\") (.Files.Get \"docs/x.md\") (.Files.Get \"docs/deep/y.md\") | join \",\" | quote }}\n",
            "c/templates/old.yaml.bak": "kind: Broken\n",
            "c/templates/.hidden.yaml": "kind: Hidden\n",
            "c/conf/a.txt": "a", "c/conf/b.bak": "b", "c/secrets/key.txt": "k",
            "c/docs/x.md": "x", "c/docs/deep/y.md": "y",
        ])
        defer { try? FileManager.default.removeItem(atPath: root) }
        let out = try Chart.render(directory: "c", in: tree)
        #expect(out == "---\n# Source: c/templates/cm.yaml\nkind: ConfigMap\ndata:\n  files: \"a,,,,y\"\n")
    }
}

extension FeatureTests {
    @Test func kubeVersionConstraintAndUnknownHooksFollowHelm() throws {
        let (root, tree) = try tree([
            "c/Chart.yaml": "apiVersion: v2\nname: c\nversion: 1.0.0\nkubeVersion: \">=1.25.0-0\"\n",
            "c/templates/a.yaml": "kind: ConfigMap\nmetadata:\n  name: a\n  annotations:\n    helm.sh/hook: crd-install\n",
            "c/templates/b.yaml": "kind: ConfigMap\nmetadata:\n  name: b\n  annotations:\n    helm.sh/hook: Pre-Install, test-success\n",
        ])
        defer { try? FileManager.default.removeItem(atPath: root) }
        let error = #expect(throws: ChartError.self) { try Chart.render(directory: "c", in: tree, options: RenderOptions(kubeVersion: "1.24")) }
        #expect(error?.message == "chart requires kubeVersion: >=1.25.0-0 which is incompatible with Kubernetes v1.24.0")
        let out = try Chart.render(directory: "c", in: tree, options: RenderOptions(kubeVersion: "v1.30.1"))
        #expect(out.contains("name: b") && !out.contains("name: a"))
        var skip = RenderOptions()
        skip.skipTests = true
        #expect(try Chart.render(directory: "c", in: tree, options: skip) == "\n")
    }
}
