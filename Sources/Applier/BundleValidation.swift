import CapstanCore

/// One reason a bundle cannot be applied, naming the object (by position when it has no identity).
public struct BundleProblem: Sendable, Hashable, CustomStringConvertible {
    public var index: Int
    public var object: String
    public var reason: String

    public init(index: Int, object: String, reason: String) {
        self.index = index
        self.object = object
        self.reason = reason
    }

    public var description: String { "object #\(index + 1) (\(object)): \(reason)" }
}

/// Checks a bundle before anything is applied: one invalid object means nothing is applied.
public enum BundleValidation {
    /// Every problem of the bundle; empty when it may be applied.
    public static func problems(in objects: [JSONValue]) -> [BundleProblem] {
        var problems: [BundleProblem] = []
        var seen: [ObjectIdentity: Int] = [:]
        for (index, object) in objects.enumerated() {
            let found = Self.problems(of: object, at: index)
            problems += found
            guard found.isEmpty, let identity = ObjectIdentity(of: object) else { continue }
            if let first = seen[identity] {
                problems.append(BundleProblem(
                    index: index, object: identity.description,
                    reason: "duplicate of object #\(first + 1); keep one of them"))
            } else {
                seen[identity] = index
            }
        }
        return problems
    }

    static func problems(of object: JSONValue, at index: Int) -> [BundleProblem] {
        guard object.objectValue != nil else {
            return [BundleProblem(index: index, object: "?", reason: "not a mapping")]
        }
        let label = ObjectIdentity(of: object)?.description ?? "?"
        var reasons: [String] = []
        if nonEmpty(object["apiVersion"]) == nil { reasons.append("apiVersion is missing") }
        if nonEmpty(object["kind"]) == nil { reasons.append("kind is missing") }
        if nonEmpty(object.value(at: ["metadata", "name"])) == nil { reasons.append("metadata.name is missing") }
        if let wave = object.value(at: ["metadata", "annotations", AnnotationKeys.wave]),
            ApplyPlan.wave(from: wave) == nil
        {
            reasons.append("annotation \(AnnotationKeys.wave) must be an integer")
        }
        return reasons.map { BundleProblem(index: index, object: label, reason: $0) }
    }

    static func nonEmpty(_ value: JSONValue?) -> String? {
        guard let text = value?.stringValue, !text.isEmpty else { return nil }
        return text
    }
}
