/// Lexical path arithmetic inside a tree, where the root has no parent.
enum RelativePath {
    /// Joins `path` onto `base` and cleans `.`/`..`; nil when the result climbs above the root.
    static func join(_ base: String, _ path: String) -> String? {
        var parts: [Substring] = []
        for component in base.split(separator: "/") + path.split(separator: "/") {
            switch component {
            case ".", "": continue
            case "..":
                guard !parts.isEmpty else { return nil }
                parts.removeLast()
            default: parts.append(component)
            }
        }
        return parts.joined(separator: "/")
    }
}
