import CapstanCore

/// RFC 7386 JSON merge patch (`application/merge-patch+json`): objects merge recursively, `null`
/// deletes a member, anything else (arrays included) replaces the target.
public enum MergePatch {
    /// `target` with `patch` merged in.
    public static func apply(_ patch: JSONValue, to target: JSONValue) -> JSONValue {
        guard case .object(let members) = patch else { return patch }
        var result: [String: JSONValue]
        if case .object(let targetMembers) = target { result = targetMembers } else { result = [:] }
        for (key, value) in members {
            if value == .null {
                result.removeValue(forKey: key)
            } else {
                result[key] = apply(value, to: result[key] ?? .null)
            }
        }
        return .object(result)
    }
}
