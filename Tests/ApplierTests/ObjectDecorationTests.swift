import Applier
import CapstanCore
import Testing

@Suite struct ObjectDecorationTests {
    let decoration = ObjectDecoration(app: "shop", targetNamespace: "prod", revision: "main@sha1:abc", bundleDigest: "sha256:def")

    @Test(arguments: [
        (Fixtures.configMap("a", namespace: nil), true, "prod"),
        (Fixtures.configMap("a", namespace: "own"), true, "own"),
        (Fixtures.namespace("x"), false, nil),
    ] as [(JSONValue, Bool, String?)])
    func setsTargetNamespaceOnlyWhereMissingAndNamespaced(object: JSONValue, namespaced: Bool, expected: String?) {
        let result = decoration.decorate(object, namespaced: namespaced)
        #expect(result.value(at: ["metadata", "namespace"])?.stringValue == expected)
    }

    @Test func labelsAndAnnotates() {
        let result = decoration.decorate(Fixtures.configMap("a"), namespaced: true)
        #expect(result.value(at: ["metadata", "labels", "app.kubernetes.io/managed-by"]) == "capstan")
        #expect(result.value(at: ["metadata", "labels", "capstan.dev/app"]) == "shop")
        #expect(result.value(at: ["metadata", "annotations", "capstan.dev/revision"]) == "main@sha1:abc")
        #expect(result.value(at: ["metadata", "annotations", "capstan.dev/bundle-digest"]) == "sha256:def")
        #expect(result.value(at: ["metadata", "annotations", "capstan.dev/applied-hash"])?.stringValue?.hasPrefix("sha256:") == true)
    }

    @Test func hashIgnoresRevisionButNotContent() {
        let other = ObjectDecoration(app: "shop", targetNamespace: "prod", revision: "main@sha1:999", bundleDigest: "sha256:000")
        let key = ["metadata", "annotations", "capstan.dev/applied-hash"]
        let first = decoration.decorate(Fixtures.configMap("a"), namespaced: true).value(at: key)
        #expect(other.decorate(Fixtures.configMap("a"), namespaced: true).value(at: key) == first)
        #expect(decoration.decorate(Fixtures.configMap("a", data: "2"), namespaced: true).value(at: key) != first)
    }
}
