import CapstanCore
@testable import RendererStage
import Testing

@Suite struct RenderFingerprintTests {
    @Test func helmSettingsAreFingerprintedFromTheirKeySortedJSON() {
        var app = AppConfig(name: "web", source: "site", path: "charts/web")
        app.helm = HelmConfig(
            releaseName: "web", values: .object(["b": .int(2), "a": .object(["z": .bool(true), "y": .null])]),
            valuesFiles: ["prod.yaml"], set: ["image.tag": "1.2", "replicas": "3"])
        let helmJSON = #"{"releaseName":"web","set":{"image.tag":"1.2","replicas":"3"},"#
            + #""values":{"a":{"y":null,"z":true},"b":2},"valuesFiles":["prod.yaml"]}"#
        let expected = Digest(of: Array("path=charts/web\nhelm=\(helmJSON)\n".utf8)).hex
        #expect(app.renderFingerprint == expected)
    }

    @Test func aChangedValueChangesTheFingerprint() {
        var app = AppConfig(name: "web", source: "site", path: "charts/web")
        app.helm = HelmConfig(values: .object(["replicas": .int(2)]))
        let before = app.renderFingerprint
        app.helm?.values = .object(["replicas": .int(3)])
        #expect(app.renderFingerprint != before)
    }
}
