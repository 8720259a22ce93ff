import CapstanCore
import CapstanTesting
import Foundation
import Overlays
import Sandbox
import Testing

/// kustomize `helmCharts` entries inflated by Capstan's chart engine from a chart in the repository.
@Suite struct HelmChartsTests {
    func tree(_ files: [String: String]) throws -> (String, SourceTree) {
        let root = try ScratchTree.write(files, prefix: "helmcharts")
        return (root, try SourceTree(root: root))
    }

    static let chart = [
        "app/charts/web/Chart.yaml": "apiVersion: v2\nname: web\nversion: 1.0.0\n",
        "app/charts/web/values.yaml": "color: blue\nsize: s\n",
        "app/charts/web/templates/cm.yaml": """
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: {{ .Release.Name }}-cm
            data:
              color: {{ .Values.color }}
              size: {{ .Values.size }}
              ns: {{ .Release.Namespace }}
            """,
    ]

    @Test func localChartIsInflatedThenTransformed() throws {
        var files = Self.chart
        files["app/kustomization.yaml"] = """
            namespace: shop
            namePrefix: p-
            helmCharts:
            - name: web
              releaseName: rel
              namespace: shop
              valuesInline: {color: red}
            """
        let (root, tree) = try tree(files)
        defer { try? FileManager.default.removeItem(atPath: root) }
        let objects = try Overlay.build("app", in: tree).objects
        #expect(objects.count == 1)
        #expect(objects.first?["metadata"]?["name"] == "p-rel-cm")
        #expect(objects.first?["metadata"]?["namespace"] == "shop")
        #expect(objects.first?["data"] == ["color": "red", "size": "s", "ns": "shop"])
    }

    @Test func remoteChartIsRefusedWithAHint() throws {
        let (root, tree) = try tree(["app/kustomization.yaml": "helmCharts:\n- name: nginx\n  repo: https://charts.example.com\n  version: 1.2.3\n"])
        defer { try? FileManager.default.removeItem(atPath: root) }
        let error = #expect(throws: OverlayError.self) { try Overlay.build("app", in: tree) }
        #expect(error?.message.contains("Capstan does not pull charts from 'https://charts.example.com'") == true)
        #expect(error?.message.contains("app/charts/nginx-1.2.3/nginx") == true)
    }
}
