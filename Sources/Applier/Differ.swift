import CapstanCore
import Manifests

/// Live against desired for each object, the desired side from a server-side dry run, like `kubectl diff`.
public struct Differ: Sendable {
    public var client: any ClusterClient
    public var app: String
    public var targetNamespace: String?
    /// Leaves Capstan's provenance annotations (revision, bundle digest, applied hash) out of both
    /// sides: the daemon skips objects whose content is unchanged, so they lag behind harmlessly.
    public var masksProvenance = false

    public init(client: any ClusterClient, app: String, targetNamespace: String? = nil) {
        self.client = client
        self.app = app
        self.targetNamespace = targetNamespace
    }

    /// One unified diff per object that differs, in bundle order.
    public func diffs(_ objects: [JSONValue]) async throws -> [String] {
        let problems = BundleValidation.problems(in: objects)
        guard problems.isEmpty else { throw ReconcileFailure.invalidBundle(problems) }
        let decoration = ObjectDecoration(app: app, targetNamespace: targetNamespace)
        var result: [String] = []
        for object in objects {
            let reference = ObjectReference(of: object)!
            guard let mapping = try await client.mapping(apiVersion: reference.apiVersion, kind: reference.kind) else {
                throw ReconcileFailure.invalidBundle([BundleProblem(index: 0, object: reference.description, reason: "kind is not served by the API server")])
            }
            let desired = decoration.decorate(object, namespaced: mapping.namespaced)
            let live = try await client.get(ObjectReference(of: desired)!)
            let merged = try await client.apply(desired, fieldManager: "capstan", force: true, dryRun: true)
            let name = ObjectReference(of: desired)!.description
            let text = UnifiedDiff.diff(
                old: live.map { YAMLWriter.write(comparable($0)) } ?? "",
                new: YAMLWriter.write(comparable(merged)),
                oldName: "live/\(name)", newName: "merged/\(name)")
            if !text.isEmpty { result.append(text) }
        }
        return result
    }

    func comparable(_ object: JSONValue) -> JSONValue {
        guard masksProvenance else { return Self.comparable(object) }
        var result = Self.comparable(object)
        for key in [AnnotationKeys.revision, AnnotationKeys.bundleDigest, AnnotationKeys.appliedHash] {
            result = ChangeDetection.removing(["metadata", "annotations", key], from: result)
        }
        if result.value(at: ["metadata", "annotations"]) == .object([:]) {
            result = ChangeDetection.removing(["metadata", "annotations"], from: result)
        }
        return result
    }

    /// The object without the fields every write changes (as kubectl diff masks them).
    static func comparable(_ object: JSONValue) -> JSONValue {
        var result = object
        for path in [["metadata", "managedFields"], ["metadata", "resourceVersion"], ["metadata", "generation"]] {
            result = ChangeDetection.removing(path, from: result)
        }
        return result
    }
}
