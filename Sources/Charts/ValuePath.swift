import CapstanCore

/// Dotted paths into values as Helm's chartutil.Values resolves them (`Table`, `PathValue`).
enum ValuePath {
    /// The table at `path` (split on `.`), nil when a step is missing or not a table.
    static func table(_ path: String, in values: [String: JSONValue]) -> [String: JSONValue]? {
        var current = values
        for key in path.split(separator: ".", omittingEmptySubsequences: false) {
            guard let next = current[String(key)]?.objectValue else { return nil }
            current = next
        }
        return current
    }

    /// The non-table value at `path`, nil when absent or a table.
    static func scalar(_ path: String, in values: [String: JSONValue]) -> JSONValue? {
        var keys = path.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        let last = keys.removeLast()
        let parent = keys.isEmpty ? values : table(keys.joined(separator: "."), in: values)
        guard let value = parent?[last], value.objectValue == nil else { return nil }
        return value
    }

    /// `table` placed under the dotted `path` (`.` is the root).
    static func nest(_ table: [String: JSONValue], under path: String) -> [String: JSONValue] {
        if path == "." { return table }
        var out = table
        for key in path.split(separator: ".", omittingEmptySubsequences: false).reversed() {
            out = [String(key): .object(out)]
        }
        return out
    }
}
