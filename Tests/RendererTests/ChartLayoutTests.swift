import CapstanCore
import Foundation
import Testing

@testable import Renderer

/// A `Chart.yaml` app path renders through the chart engine with the app's `helm` settings.
@Suite struct ChartLayoutTests {
    static let chart = [
        "apps/web/Chart.yaml": "apiVersion: v2\nname: web\nversion: 1.0.0\n",
        "apps/web/values.yaml": "replicas: 1\ncolor: blue\nport: 80\n",
        "apps/web/prod.yaml": "replicas: 3\ncolor: red\n",
        "apps/web/templates/cm.yaml": """
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: {{ .Release.Name }}-{{ .Chart.Name }}
              namespace: {{ .Release.Namespace }}
            data:
              replicas: {{ .Values.replicas | quote }}
              color: {{ .Values.color }}
              port: {{ .Values.port | quote }}
            """,
        "apps/web/templates/test.yaml": """
            apiVersion: v1
            kind: Pod
            metadata:
              name: probe
              annotations: {"helm.sh/hook": test}
            """,
    ]

    @Test func chartAppRendersWithReleaseAndLayeredValues() throws {
        let tree = try TreeFixture(Self.chart)
        let helm = HelmConfig(values: ["color": "green"], valuesFiles: ["prod.yaml"], set: ["port": "8080"])
        let app = AppConfig(name: "shop", source: "s", path: "apps/web", targetNamespace: "prod", helm: helm)
        let bundle = try Renderer().render(RenderRequest(app: app, root: tree.root))
        #expect(bundle.yaml == """
            apiVersion: v1
            data:
              color: green
              port: "8080"
              replicas: "3"
            kind: ConfigMap
            metadata:
              name: shop-web
              namespace: prod

            """)
    }

    @Test func valuesFileOutsideTheSourceIsRefused() throws {
        let tree = try TreeFixture(Self.chart)
        let app = AppConfig(name: "shop", source: "s", path: "apps/web", helm: HelmConfig(valuesFiles: ["../../../x.yaml"]))
        let error = #expect(throws: RenderError.self) { try Renderer().render(RenderRequest(app: app, root: tree.root)) }
        #expect(error?.kind == .sandbox)
    }

    @Test func chartFailureNamesTheChartAndTheValuePath() throws {
        var files = Self.chart
        files["apps/web/values.schema.json"] = #"{"properties": {"replicas": {"type": "integer", "maximum": 2}}}"#
        let tree = try TreeFixture(files)
        let app = AppConfig(name: "shop", source: "s", path: "apps/web", helm: HelmConfig(valuesFiles: ["prod.yaml"]))
        let error = #expect(throws: RenderError.self) { try Renderer().render(RenderRequest(app: app, root: tree.root)) }
        #expect(error?.location == "apps/web/Chart.yaml")
        #expect(error?.description.contains("- at '/replicas': maximum: got 3, want 2") == true)
    }
}
