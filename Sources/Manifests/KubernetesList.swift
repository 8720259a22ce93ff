import CapstanCore

/// kustomize's handling of `*List` objects (`ConfigMapList`, `List`, …) among loaded resources:
/// each one that has `items` is replaced by its items, which join the end of the queue.
public enum KubernetesList {
    /// Why a list could not be expanded.
    public struct ExpansionError: Error, Sendable, Hashable, CustomStringConvertible {
        public var kind: String
        public var description: String { "expected array in \(kind)/items" }
    }

    /// The objects with every list that has `items` replaced by its items (kustomize
    /// `inlineAnyEmbeddedLists`): items go to the end of the queue and may be lists themselves;
    /// `items: null` is an empty list; empty items are dropped.
    public static func inlineItems(_ objects: [JSONValue]) throws(ExpansionError) -> [JSONValue] {
        var queue = objects[...]
        var result: [JSONValue] = []
        while let object = queue.popFirst() {
            let kind = object["kind"]?.stringValue ?? ""
            guard kind.hasSuffix("List"), let items = object["items"] else {
                result.append(object)
                continue
            }
            switch items {
            case .null: continue
            case .array(let elements):
                var rest = Array(queue)
                rest += elements.filter { $0 != .null && $0 != .object([:]) && $0 != .array([]) }
                queue = rest[...]
            default: throw ExpansionError(kind: kind)
            }
        }
        return result
    }
}
