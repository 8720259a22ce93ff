import CapstanCore
import Kube

/// Marks a bundle's objects as Capstan's: target namespace, ownership labels, provenance annotations.
public struct ObjectDecoration: Sendable {
    public var app: String
    public var targetNamespace: String?
    public var revision: String?
    public var bundleDigest: String?

    public init(app: String, targetNamespace: String? = nil, revision: String? = nil, bundleDigest: String? = nil) {
        self.app = app
        self.targetNamespace = targetNamespace
        self.revision = revision
        self.bundleDigest = bundleDigest
    }

    /// The object as Capstan applies it; `namespaced` comes from the REST mapping of its kind.
    /// The last annotation is the hash of everything else, so a later apply can tell it is unchanged.
    public func decorate(_ object: JSONValue, namespaced: Bool) -> JSONValue {
        guard case .object(var members) = object, case .object(var metadata)? = members.removeValue(forKey: "metadata") else {
            return decorateByPaths(object, namespaced: namespaced)
        }
        let annotations: [String: JSONValue]?
        switch metadata.removeValue(forKey: "annotations") {
        case nil: annotations = nil
        case .object(let found)?: annotations = found
        default: return decorateByPaths(object, namespaced: namespaced)
        }
        if namespaced, let targetNamespace, (metadata["namespace"]?.stringValue ?? "").isEmpty {
            metadata["namespace"] = .string(targetNamespace)
        }
        var labels = metadata.removeValue(forKey: "labels")?.objectValue ?? [:]
        labels[AnnotationKeys.managedBy] = .string(AnnotationKeys.managedByValue)
        labels[AnnotationKeys.app] = .string(app)
        metadata["labels"] = .object(labels)
        // The hashed content: the annotations without provenance and hash (none at all when that leaves none).
        var content = annotations ?? [:]
        for key in [AnnotationKeys.revision, AnnotationKeys.bundleDigest, AnnotationKeys.appliedHash] { content[key] = nil }
        if !content.isEmpty { metadata["annotations"] = .object(content) }
        members["metadata"] = .object(metadata)
        let hash = ContentHash.sha256(CanonicalJSON.bytes(of: .object(members)))
        members["metadata"] = nil
        var final = annotations ?? [:]
        if let revision { final[AnnotationKeys.revision] = .string(revision) }
        if let bundleDigest { final[AnnotationKeys.bundleDigest] = .string(bundleDigest) }
        final[AnnotationKeys.appliedHash] = .string(hash)
        metadata["annotations"] = .object(final)
        members["metadata"] = .object(metadata)
        return .object(members)
    }

    /// The reference `decorate(object, namespaced:)` will have (only the namespace may change), without decorating.
    public func reference(of object: JSONValue, namespaced: Bool) -> ObjectReference? {
        guard var reference = ObjectReference(of: object) else { return nil }
        if namespaced, let targetNamespace, reference.namespace.isEmpty { reference.namespace = targetNamespace }
        return reference
    }

    /// The reference implementation, step by step along paths; `decorate` gives the same result faster
    /// and falls back to this for the odd shapes (metadata or annotations that are not mappings).
    func decorateByPaths(_ object: JSONValue, namespaced: Bool) -> JSONValue {
        var result = object
        if namespaced, let targetNamespace, (object.value(at: ["metadata", "namespace"])?.stringValue ?? "").isEmpty {
            result.setValue(.string(targetNamespace), at: ["metadata", "namespace"])
        }
        result.setValue(.string(AnnotationKeys.managedByValue), at: ["metadata", "labels", AnnotationKeys.managedBy])
        result.setValue(.string(app), at: ["metadata", "labels", AnnotationKeys.app])
        if let revision { result.setValue(.string(revision), at: ["metadata", "annotations", AnnotationKeys.revision]) }
        if let bundleDigest {
            result.setValue(.string(bundleDigest), at: ["metadata", "annotations", AnnotationKeys.bundleDigest])
        }
        result.setValue(.string(ChangeDetection.hash(of: result)), at: ["metadata", "annotations", AnnotationKeys.appliedHash])
        return result
    }
}
