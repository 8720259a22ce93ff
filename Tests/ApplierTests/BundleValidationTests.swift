import Applier
import CapstanCore
import Testing

@Suite struct BundleValidationTests {
    @Test(arguments: [
        (["kind": "ConfigMap", "metadata": ["name": "a"]] as JSONValue, "apiVersion is missing"),
        (["apiVersion": "v1", "metadata": ["name": "a"]] as JSONValue, "kind is missing"),
        (["apiVersion": "v1", "kind": "ConfigMap", "metadata": [:]] as JSONValue, "metadata.name is missing"),
        (["apiVersion": "v1", "kind": "ConfigMap", "metadata": ["name": ""]] as JSONValue, "metadata.name is missing"),
        (JSONValue.string("text"), "not a mapping"),
        (Fixtures.configMap("a", wave: "soon"), "annotation capstan.dev/wave must be an integer"),
    ])
    func reportsInvalidObject(object: JSONValue, reason: String) {
        let problems = BundleValidation.problems(in: [Fixtures.configMap("ok"), object])
        #expect(problems.map(\.reason) == [reason])
        #expect(problems.first?.index == 1)
    }

    @Test func reportsDuplicateIdentities() {
        let problems = BundleValidation.problems(in: [Fixtures.configMap("a"), Fixtures.configMap("b"), Fixtures.configMap("a", data: "2")])
        #expect(problems.map(\.description) == ["object #3 (ConfigMap/shop/a): duplicate of object #1; keep one of them"])
    }

    @Test func acceptsValidBundle() {
        #expect(BundleValidation.problems(in: [Fixtures.namespace("shop"), Fixtures.deployment("web"), Fixtures.configMap("a", wave: "-1")]).isEmpty)
    }
}
