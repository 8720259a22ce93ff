import CapstanCore
import Manifests

/// Group, version and kind of a resource, matched the way kustomize selectors match them.
public struct GVK: Sendable, Hashable, CustomStringConvertible {
    public var group: String
    public var version: String
    public var kind: String

    public init(group: String = "", version: String = "", kind: String = "") {
        self.group = group
        self.version = version
        self.kind = kind
    }

    /// Splits an apiVersion into group and version: `apps/v1` → (apps, v1), `v1` → ("", v1).
    public init(apiVersion: String, kind: String) {
        if let slash = apiVersion.firstIndex(of: "/") {
            self.init(group: String(apiVersion[..<slash]), version: String(apiVersion[apiVersion.index(after: slash)...]), kind: kind)
        } else {
            self.init(group: "", version: apiVersion, kind: kind)
        }
    }

    public var apiVersion: String { group.isEmpty ? version : "\(group)/\(version)" }

    /// True when every non-empty part of `selector` equals this one's.
    public func isSelected(by selector: GVK) -> Bool {
        (selector.group.isEmpty || selector.group == group)
            && (selector.version.isEmpty || selector.version == version)
            && (selector.kind.isEmpty || selector.kind == kind)
    }

    /// Kinds the API serves without a namespace. Other kinds, custom ones included, are
    /// namespaced, as kustomize decides from its built-in schema.
    public var isClusterScoped: Bool { GVK.clusterScopedKinds.contains("\(group)/\(kind)") }

    /// kustomize's ordering of kinds for its configs: the legacy first/last kind lists, then
    /// `group_version_kind` text.
    func isLess(than other: GVK) -> Bool {
        let left = GVK.kindRank[kind] ?? 0
        let right = GVK.kindRank[other.kind] ?? 0
        if left != right { return left < right }
        return JSONValue.utf8Less(stableSortKey, other.stableSortKey)
    }

    private var stableSortKey: String {
        [group.isEmpty ? "~G" : group, version.isEmpty ? "~V" : version, kind.isEmpty ? "~K" : kind].joined(separator: "_")
    }

    private static let kindRank: [String: Int] = {
        let first = KustomizeLegacyOrder.defaultOrderFirst
        let last = KustomizeLegacyOrder.defaultOrderLast
        var rank: [String: Int] = [:]
        for (index, kind) in first.enumerated() { rank[kind] = index - first.count }
        for (index, kind) in last.enumerated() { rank[kind] = index + 1 }
        return rank
    }()

    /// kustomize's `Kind.version.group` form, with `[noVer]`/`[noGrp]` placeholders.
    public var description: String {
        "\(kind.isEmpty ? "[noKind]" : kind).\(version.isEmpty ? "[noVer]" : version).\(group.isEmpty ? "[noGrp]" : group)"
    }

    static let clusterScopedKinds: Set<String> = [
        "/Namespace", "/Node", "/PersistentVolume", "/ComponentStatus",
        "apiextensions.k8s.io/CustomResourceDefinition", "apiregistration.k8s.io/APIService",
        "admissionregistration.k8s.io/MutatingWebhookConfiguration",
        "admissionregistration.k8s.io/ValidatingWebhookConfiguration",
        "admissionregistration.k8s.io/ValidatingAdmissionPolicy",
        "admissionregistration.k8s.io/ValidatingAdmissionPolicyBinding",
        "rbac.authorization.k8s.io/ClusterRole", "rbac.authorization.k8s.io/ClusterRoleBinding",
        "storage.k8s.io/StorageClass", "storage.k8s.io/CSIDriver", "storage.k8s.io/CSINode",
        "storage.k8s.io/VolumeAttachment", "scheduling.k8s.io/PriorityClass", "node.k8s.io/RuntimeClass",
        "networking.k8s.io/IngressClass", "policy/PodSecurityPolicy", "extensions/PodSecurityPolicy",
        "certificates.k8s.io/CertificateSigningRequest", "flowcontrol.apiserver.k8s.io/FlowSchema",
        "flowcontrol.apiserver.k8s.io/PriorityLevelConfiguration", "authentication.k8s.io/TokenReview",
        "authorization.k8s.io/SelfSubjectAccessReview", "authorization.k8s.io/SelfSubjectRulesReview",
        "authorization.k8s.io/SubjectAccessReview",
    ]
}
