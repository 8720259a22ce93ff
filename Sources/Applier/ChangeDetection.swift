import CapstanCore
import Kube

/// Decides whether an object needs a write: unchanged desired content and no drift cost nothing.
///
/// The desired content is hashed without its provenance annotations (revision, digest), so a new
/// revision that leaves an object alone does not rewrite it. Drift is any field Capstan sets whose
/// live value differs; fields only the server or other controllers set are not drift.
public enum ChangeDetection {
    /// The hash of an object's desired content, ignoring the annotations that only record provenance.
    public static func hash(of object: JSONValue) -> String {
        let content = withoutProvenance(removing(["metadata", "annotations", AnnotationKeys.appliedHash], from: object))
        return ContentHash.sha256(CanonicalJSON.bytes(of: content))
    }

    /// True when `live` carries the hash of `desired` and every field of `desired` still holds there.
    public static func isUnchanged(desired: JSONValue, live: JSONValue) -> Bool {
        let key = ["metadata", "annotations", AnnotationKeys.appliedHash]
        guard let wanted = desired.value(at: key), live.value(at: key) == wanted else { return false }
        return holdsAll(desired: desired, live: live)
    }

    /// `drift(desired: withoutProvenance(desired), live: live).isEmpty`, without copying the object or
    /// spelling out a path per field: the check every unchanged object of every reconcile goes through.
    static func holdsAll(desired: JSONValue, live: JSONValue) -> Bool {
        guard case .object(let wanted) = desired, case .object(let actual) = live else { return holds(desired, live) }
        for (key, value) in wanted where !ignoredTopLevelKeys.contains(key) {
            if key == "metadata", case .object(let metadata) = value, case .object(let liveMetadata)? = actual[key] {
                guard holdsMetadata(metadata, liveMetadata) else { return false }
            } else if !holds(value, actual[key]) {
                return false
            }
        }
        return true
    }

    /// Keys of an object whose paths are in `ignoredPaths` (a key spelled with a dot included, as the path compare has it).
    static let ignoredTopLevelKeys: Set<String> = ["status", "metadata.resourceVersion", "metadata.generation"]

    static func holdsMetadata(_ wanted: [String: JSONValue], _ actual: [String: JSONValue]) -> Bool {
        for (key, value) in wanted where key != "resourceVersion" && key != "generation" {
            if key == "annotations", case .object(var annotations) = value {
                annotations[AnnotationKeys.revision] = nil
                annotations[AnnotationKeys.bundleDigest] = nil
                if annotations.isEmpty { continue }
                guard holds(.object(annotations), actual[key]) else { return false }
            } else if !holds(value, actual[key]) {
                return false
            }
        }
        return true
    }

    /// True when every field `desired` sets holds in `live` (the path-free form of `collectDrift`).
    static func holds(_ desired: JSONValue, _ live: JSONValue?) -> Bool {
        switch (desired, live) {
        case (.object(let wanted), .object(let actual)?):
            for (key, value) in wanted where !holds(value, actual[key]) { return false }
            return true
        case (.array(let wanted), .array(let actual)?) where wanted.count == actual.count:
            for index in wanted.indices where !holds(wanted[index], actual[index]) { return false }
            return true
        case (_, let actual?): return sameScalar(desired, actual)
        default: return false
        }
    }

    /// The object without the revision and digest annotations: a new revision alone is no change.
    static func withoutProvenance(_ object: JSONValue) -> JSONValue {
        var content = object
        for key in [AnnotationKeys.revision, AnnotationKeys.bundleDigest] {
            content = removing(["metadata", "annotations", key], from: content)
        }
        if content.value(at: ["metadata", "annotations"]) == .object([:]) {
            content = removing(["metadata", "annotations"], from: content)
        }
        return content
    }

    /// The paths of fields `desired` sets that `live` lacks or holds with another value.
    public static func drift(desired: JSONValue, live: JSONValue) -> [String] {
        var paths: [String] = []
        collectDrift(desired: desired, live: live, path: "", into: &paths)
        return paths
    }

    static func collectDrift(desired: JSONValue, live: JSONValue?, path: String, into paths: inout [String]) {
        switch (desired, live) {
        case (.object(let wanted), .object(let actual)?):
            for key in wanted.keys.sorted() where !ignoredPaths.contains(path + "." + key) {
                collectDrift(desired: wanted[key]!, live: actual[key], path: path + "." + key, into: &paths)
            }
        case (.array(let wanted), .array(let actual)?) where wanted.count == actual.count:
            for (index, element) in wanted.enumerated() {
                collectDrift(desired: element, live: actual[index], path: "\(path)[\(index)]", into: &paths)
            }
        case (_, let actual?) where sameScalar(desired, actual):
            return
        default:
            paths.append(path.isEmpty ? "." : path)
        }
    }

    /// Fields the API server rewrites on its own; they never count as drift.
    static let ignoredPaths: Set<String> = [".status", ".metadata.resourceVersion", ".metadata.generation"]

    /// Equal scalars, counting `1` and `"1"` alike (the server turns integer quantities into strings).
    static func sameScalar(_ lhs: JSONValue, _ rhs: JSONValue) -> Bool {
        if lhs == rhs { return true }
        switch (lhs, rhs) {
        case (.int(let number), .string(let text)), (.string(let text), .int(let number)): return String(number) == text
        case (.object(let map), .null), (.null, .object(let map)): return map.isEmpty
        case (.array(let list), .null), (.null, .array(let list)): return list.isEmpty
        default: return false
        }
    }

    static func removing(_ path: [String], from value: JSONValue) -> JSONValue {
        guard let first = path.first, case .object(var members) = value else { return value }
        if path.count == 1 {
            members[first] = nil
        } else if let child = members[first] {
            members[first] = removing(Array(path.dropFirst()), from: child)
        }
        return .object(members)
    }
}
