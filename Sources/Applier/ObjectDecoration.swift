import CapstanCore

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
