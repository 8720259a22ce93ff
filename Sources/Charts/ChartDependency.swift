import CapstanCore

/// One entry of Chart.yaml `dependencies` (or requirements.yaml): which subchart, under which name,
/// and what decides whether it renders.
struct ChartDependency: Sendable {
    /// The subchart's name; becomes the alias once dependencies are processed.
    var name: String
    let alias: String?
    let version: String?
    let condition: String
    let tags: [String]
    /// `import-values` entries: a string (`exports.<s>` into the parent's root) or a child/parent map.
    let importValues: [JSONValue]
    var enabled = true

    init(_ entry: [String: JSONValue]) {
        name = entry["name"]?.stringValue ?? ""
        alias = entry["alias"]?.stringValue.flatMap { $0.isEmpty ? nil : $0 }
        version = entry["version"]?.stringValue
        condition = entry["condition"]?.stringValue ?? ""
        tags = (entry["tags"]?.arrayValue ?? []).compactMap(\.stringValue)
        importValues = entry["import-values"]?.arrayValue ?? []
    }
}
