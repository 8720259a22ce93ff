import YAML

/// Parses `text` as `test.yaml`.
func parse(_ text: String, limits: YAMLLimits = .default) throws -> [YAMLDocument] {
    try YAMLParser.parse(text, file: "test.yaml", limits: limits)
}

/// Parses a one-document `text` and returns its root.
func parseRoot(_ text: String) throws -> YAMLNode? {
    let documents = try parse(text)
    return documents.first?.root
}

/// The error parsing `text` throws, or nil when it parses.
func parseError(_ text: String, limits: YAMLLimits = .default) -> YAMLError? {
    do {
        _ = try YAMLParser.parse(text, file: "test.yaml", limits: limits)
        return nil
    } catch {
        return error
    }
}

/// Scalar texts of a mapping's keys, in order.
func keys(_ node: YAMLNode?) -> [String] {
    node?.mapping?.entries.compactMap { $0.key.scalar?.value } ?? []
}
