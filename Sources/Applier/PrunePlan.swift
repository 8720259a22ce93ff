import CapstanCore

/// What a prune may delete: the previous inventory minus the new bundle, minus protected and foreign objects.
public enum PrunePlan {
    /// Candidates for deletion, in reverse apply order (custom resources before CRDs, namespaces last).
    /// Empty unless every apply succeeded.
    public static func candidates(
        previous: Inventory?, desired: Set<ObjectIdentity>, claimedByOthers: Set<ObjectIdentity>, allApplied: Bool
    ) -> [ObjectReference] {
        guard allApplied, let previous else { return [] }
        let leaving = previous.objects.filter { !desired.contains($0.identity) && !claimedByOthers.contains($0.identity) }
        return leaving.sorted { (rank($0), $0) < (rank($1), $1) }
    }

    /// Whether a live object may be deleted: not annotated `capstan.dev/prune: disabled`.
    public static func mayDelete(live: JSONValue) -> Bool {
        live.value(at: ["metadata", "annotations", AnnotationKeys.prune])?.stringValue != AnnotationKeys.pruneDisabled
    }

    static func rank(_ reference: ObjectReference) -> Int {
        switch (reference.group, reference.kind) {
        case ("", "Namespace"): 2
        case ("apiextensions.k8s.io", "CustomResourceDefinition"): 1
        default: 0
        }
    }
}
