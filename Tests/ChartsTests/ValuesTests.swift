import CapstanCore
import Charts
import Foundation
import Sandbox
import Testing

/// Values coalescing and `--set` on a real chart directory.
@Suite struct ValuesTests {
    func makeChart() throws -> (String, SourceTree) {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("charts-\(UUID().uuidString)").path
        let files = [
            "app/Chart.yaml": "apiVersion: v2\nname: app\nversion: 1.0.0\n",
            "app/values.yaml": "a: 1\nkeep: {x: 1, w: 2}\nglobal: {region: eu}\nsub: {fromParent: p}\n",
            "app/templates/cm.yaml": "kind: ConfigMap\ndata:\n  keep: {{ .Values.keep | toJson | quote }}\n  set: {{ .Values.s.t | quote }}\n  rel: {{ .Release.Name }}-{{ .Chart.Name }}-{{ .Template.Name }}\n",
            "app/charts/sub/Chart.yaml": "apiVersion: v2\nname: sub\nversion: 0.1.0\n",
            "app/charts/sub/values.yaml": "own: o\nfromParent: d\n",
            "app/charts/sub/templates/s.yaml": "kind: Service\nmetadata:\n  name: {{ .Values.own }}-{{ .Values.fromParent }}-{{ .Values.global.region }}\n",
        ]
        for (path, text) in files {
            let full = root + "/" + path
            try FileManager.default.createDirectory(atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try text.write(toFile: full, atomically: true, encoding: .utf8)
        }
        return (root, try SourceTree(root: root))
    }

    @Test func rendersWithCoalescedValuesInInstallOrder() throws {
        let (root, tree) = try makeChart()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let out = try Chart.render(directory: "app", in: tree, values: ["keep": .object(["w": .null])],
                                   set: ["s.t=v"], options: RenderOptions(releaseName: "r"))
        #expect(out == """
            ---
            # Source: app/templates/cm.yaml
            kind: ConfigMap
            data:
              keep: "{\\"x\\":1}"
              set: "v"
              rel: r-app-app/templates/cm.yaml
            ---
            # Source: app/charts/sub/templates/s.yaml
            kind: Service
            metadata:
              name: o-p-eu

            """)
    }

    @Test func setSyntax() throws {
        var values: [String: JSONValue] = [:]
        try SetParser.apply("a.b=1,c={x,y},d[1]=z,e\\.f=true", to: &values)
        #expect(values["a"] == .object(["b": .int(1)]))
        #expect(values["c"] == .array([.string("x"), .string("y")]))
        #expect(values["d"] == .array([.null, .string("z")]))
        #expect(values["e.f"] == .bool(true))
    }
}
