import CapstanCore
import Kube
import Manifests
import Testing

@testable import Applier

/// The fast paths of a reconcile (hashing, decorating, the no-op check, bundle reading) give exactly
/// what the step-by-step reference forms give.
@Suite struct FastPathEquivalenceTests {
    static let values: [JSONValue] = [
        .null, true, false, 0, -12, 9_223_372_036_854_775_807, 1.5, 2.0, -0.25, 1e20, "", "plain", "quote \" backslash \\ slash /",
        "controls \n \r \t \u{08} \u{0C} \u{01} \u{1F} \u{7F}", "unicode é ✓ 😀 \u{2028} \u{2029} \u{2000}", "<html>&", "€ — “quoted”",
        ["b": 1, "a": [1, "x", ["z": nil]], "B": [:], "é": [], "aa": ["k": "v"]],
        Fixtures.deployment("web", replicas: 3, wave: "2"),
    ]

    @Test(arguments: values)
    func canonicalBytesEqualSerialized(value: JSONValue) {
        #expect(String(decoding: CanonicalJSON.bytes(of: value), as: UTF8.self) == value.serialized())
    }

    static let objects: [JSONValue] = {
        var withAnnotations = Fixtures.configMap("a", namespace: nil)
        withAnnotations.setValue(["x": "1", AnnotationKeys.revision: "old", AnnotationKeys.appliedHash: "sha256:stale"], at: ["metadata", "annotations"])
        var provenanceOnly = Fixtures.configMap("b")
        provenanceOnly.setValue([AnnotationKeys.bundleDigest: "sha256:d"], at: ["metadata", "annotations"])
        var emptyAnnotations = Fixtures.configMap("c", namespace: "")
        emptyAnnotations.setValue([:], at: ["metadata", "annotations"])
        var nullLabels = Fixtures.deployment("d")
        nullLabels.setValue(.null, at: ["metadata", "labels"])
        var nullAnnotations = Fixtures.deployment("e")
        nullAnnotations.setValue(.null, at: ["metadata", "annotations"])
        var labelled = Fixtures.namespace("f")
        labelled.setValue(["team": "x", AnnotationKeys.app: "someone"], at: ["metadata", "labels"])
        return [withAnnotations, provenanceOnly, emptyAnnotations, nullLabels, nullAnnotations, labelled, Fixtures.crd, Fixtures.deployment("g", wave: "1")]
    }()

    static let decorations = [
        ObjectDecoration(app: "shop", targetNamespace: "prod", revision: "main@sha1:1", bundleDigest: "sha256:2"),
        ObjectDecoration(app: "shop"),
        ObjectDecoration(app: "other", targetNamespace: "ns", revision: "r"),
    ]

    @Test(arguments: objects)
    func decorateEqualsThePathByPathForm(object: JSONValue) {
        for decoration in Self.decorations {
            for namespaced in [true, false] {
                #expect(decoration.decorate(object, namespaced: namespaced) == decoration.decorateByPaths(object, namespaced: namespaced))
            }
        }
    }

    /// Live variants of a decorated object: unchanged, server additions, drift, provenance changes.
    static func variants(of desired: JSONValue) -> [JSONValue] {
        func with(_ value: JSONValue?, at path: [String]) -> JSONValue {
            var copy = desired
            if let value { copy.setValue(value, at: path) } else { copy = ChangeDetection.removing(path, from: copy) }
            return copy
        }
        return [
            desired,
            with(["ready": 1], at: ["status"]), with("99", at: ["metadata", "resourceVersion"]), with(7, at: ["metadata", "generation"]),
            with("uid", at: ["metadata", "uid"]), with("other@sha1:9", at: ["metadata", "annotations", AnnotationKeys.revision]),
            with(nil, at: ["metadata", "annotations", AnnotationKeys.bundleDigest]), with(nil, at: ["metadata", "annotations"]),
            with("x", at: ["metadata", "labels", "extra"]), with(nil, at: ["metadata", "labels", AnnotationKeys.managedBy]),
            with("changed", at: ["data", "key"]), with(nil, at: ["data"]), with(.null, at: ["data"]), with(5, at: ["spec", "replicas"]),
            with([], at: ["spec", "template", "spec", "containers"]), with("2", at: ["data", "index"]),
            with([["name": "app", "image": "nginx:1.27", "imagePullPolicy": "Always"]], at: ["spec", "template", "spec", "containers"]),
            with(nil, at: ["metadata"]), with("flat", at: ["metadata"]), .null, "text",
        ]
    }

    @Test(arguments: objects)
    func noOpCheckEqualsThePathByPathForm(object: JSONValue) {
        for decoration in Self.decorations {
            let desired = decoration.decorate(object, namespaced: true)
            for live in Self.variants(of: desired) {
                let reference = ChangeDetection.drift(desired: ChangeDetection.withoutProvenance(desired), live: live).isEmpty
                #expect(ChangeDetection.holdsAll(desired: desired, live: live) == reference)
            }
        }
    }

    @Test func noOpCheckHandlesOddDesiredShapes() {
        let desired: [JSONValue] = [
            ["metadata": ["annotations": "text"]], ["metadata": ["annotations": [AnnotationKeys.revision: "r"]]],
            ["metadata": "flat", "status": 1], ["metadata.generation": 1, "metadata.resourceVersion": 2], [1, 2], "scalar", [:],
        ]
        let live: [JSONValue] = [[:], ["metadata": [:]], ["metadata": ["annotations": "text"]], [1, 2], "scalar", .null]
        for wanted in desired {
            for actual in live {
                let reference = ChangeDetection.drift(desired: ChangeDetection.withoutProvenance(wanted), live: actual).isEmpty
                #expect(ChangeDetection.holdsAll(desired: wanted, live: actual) == reference)
            }
        }
    }

    static let bundles: [String] = [
        "---\n{\"apiVersion\": \"v1\", \"kind\": \"ConfigMap\", \"metadata\": {\"name\": \"a\"}, \"data\": {\"n\": \"1\", \"x\": 1.5, \"big\": 12345678901234567890}}\n---\n{}\n---\n\n",
        "{\"apiVersion\":\"v1\",\"kind\":\"Namespace\",\"metadata\":{\"name\":\"n\"}}\n--- \n{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"b\",\"labels\":{\"k\":\"é\\u00e9\\n\"}},\"data\":{\"t\":true,\"f\":null,\"e\":[]}}\r\n",
        // Not JSON documents: the YAML decoder reads them.
        "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata:\n  a: yes\n",
        "---\n{\"apiVersion\": \"v1\", \"kind\": \"ConfigMap\", \"metadata\": {\"name\": \"d\"}} # comment\n",
        "---\n{\"apiVersion\": \"v1\", \"kind\": \"ConfigMap\", \"metadata\": {\"name\": \"e\", \"name\": \"f\"}}\n",
        "---\n{\"apiVersion\": \"v1\", \"kind\": \"ConfigMap\", \"metadata\": {\"name\": \"g\"}}\n---\nkind: ConfigMap\napiVersion: v1\nmetadata: {name: h}\n",
        "--- {\"apiVersion\": \"v1\", \"kind\": \"ConfigMap\", \"metadata\": {\"name\": \"i\"}}\n...\n",
    ]

    @Test(arguments: bundles)
    func bundleReadingEqualsTheYAMLDecoder(text: String) async throws {
        let bytes = Array(text.utf8)
        let expected = Result { try ManifestDecoder.decode(bytes, file: "b.yaml").filter { $0 != .null } }
        let read: Result<[JSONValue], any Error>
        do { read = .success(try await BundleDecoding.objects(bytes, file: "b.yaml")) } catch { read = .failure(error) }
        switch (read, expected) {
        case (.success(let objects), .success(let wanted)): #expect(objects == wanted)
        case (.failure(let error), .failure(let wanted)): #expect("\(error)" == "\(wanted)")
        default: Issue.record("read \(read), the YAML decoder \(expected)")
        }
    }

    @Test func largeJSONBundlesAreReadInOrder() async throws {
        let documents = (0..<300).map { #"{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"c\#($0)"},"data":{"i":"\#($0)"}}"# }
        let bytes = Array(("---\n" + documents.joined(separator: "\n---\n") + "\n").utf8)
        #expect(BundleDecoding.jsonDocuments(bytes)?.count == 300)
        let objects = try await BundleDecoding.objects(bytes, file: "b.yaml")
        #expect(objects == (try ManifestDecoder.decode(bytes, file: "b.yaml")))
    }

    @Test func aJSONBundleWithAnInvalidDocumentFailsAsYAMLFails() async {
        let bytes = Array("---\n{\"apiVersion\": \"v1\", \"kind\": \"ConfigMap\", \"metadata\": {\"name\": \"a\"}\n".utf8)
        await #expect(throws: (any Error).self) { try await BundleDecoding.objects(bytes, file: "b.yaml") }
    }
}

extension FastPathEquivalenceTests {
    @Test(arguments: ["", "a", String(repeating: "xyz", count: 1000)])
    func contentHashSpellsADigest(text: String) {
        #expect(ContentHash.sha256(Array(text.utf8)) == Digest(of: Array(text.utf8)).description)
    }

    @Test func inventoryLinesSortAsReferencesSort() throws {
        let references: Set<ObjectReference> = [
            ObjectReference(apiVersion: "apps/v1", kind: "Deployment", namespace: "b", name: "x"),
            ObjectReference(apiVersion: "v1", kind: "ConfigMap", namespace: "a", name: "z"),
            ObjectReference(apiVersion: "v1", kind: "ConfigMap", namespace: "a", name: "y-1"),
            ObjectReference(apiVersion: "v1", kind: "ConfigMap", namespace: "a", name: "y"),
            ObjectReference(apiVersion: "v1", kind: "ConfigMapX", namespace: "", name: "y"),
            ObjectReference(apiVersion: "v1", kind: "Namespace", name: "a"),
            ObjectReference(apiVersion: "example.com/v2", kind: "Widget", namespace: "a", name: "w"),
            ObjectReference(apiVersion: "example.com/v1", kind: "Widget", namespace: "a", name: "w"),
            ObjectReference(apiVersion: "v1", kind: "ConfigMap", namespace: "é", name: "ü"),
        ]
        let text = Inventory(app: "shop", objects: references).configMap().value(at: ["data", "objects"])?.stringValue ?? ""
        let names = try text.split(separator: "\n").map { line in
            let entry = try JSONValue.parse(String(line))
            return ObjectReference(
                apiVersion: entry["apiVersion"]?.stringValue ?? "", kind: entry["kind"]?.stringValue ?? "",
                namespace: entry["namespace"]?.stringValue ?? "", name: entry["name"]?.stringValue ?? "")
        }
        #expect(names == references.sorted())
        #expect(try Inventory(configMap: Inventory(app: "shop", objects: references).configMap()).objects == references)
    }
}
