import YAML

/// A decoded source and where its name was written, for cross-checks.
struct DecodedSource {
    var config: SourceConfig
    var path: String
    var nameMark: YAMLMark
}

extension ConfigDecoder {
    static let sourceFields = [
        "name", "url", "ref", "interval", "timeout", "secretRef", "ignore", "webhookSecret", "includeSubmodules",
    ]
    static let refKinds = ["branch", "tag", "semver", "commit"]

    func decodeSources(_ root: ConfigFields) -> [DecodedSource] {
        (root.list("sources") ?? []).compactMap { decodeSource($0.node, path: $0.path) }
    }

    private func decodeSource(_ node: YAMLNode, path: String) -> DecodedSource? {
        guard let fields = fields(node, path: path, allowed: Self.sourceFields) else { return nil }
        let name = decodeName(fields)
        var source = SourceConfig(name: name, url: fields.requiredString("url") ?? "")
        if !source.url.isEmpty, let problem = ConfigNames.urlProblem(source.url) { fields.report(problem, "url") }
        if let ref = fields.node("ref") { source.ref = decodeRef(ref, path: fields.path("ref")) ?? source.ref }
        source.interval = fields.interval("interval") ?? source.interval
        source.timeout = fields.interval("timeout") ?? source.timeout
        source.secretRef = fields.string("secretRef")
        source.ignore = fields.strings("ignore") ?? []
        source.webhookSecret = fields.string("webhookSecret")
        source.includeSubmodules = fields.bool("includeSubmodules") ?? false
        return DecodedSource(config: source, path: path, nameMark: fields.values["name"]?.mark ?? fields.mark)
    }

    /// The required `name` field, checked as a DNS-1123 label; "" when missing or invalid.
    func decodeName(_ fields: ConfigFields) -> String {
        guard let name = fields.requiredString("name") else { return "" }
        if let problem = ConfigNames.labelProblem(name) {
            fields.report(problem, "name")
            return ""
        }
        return name
    }

    private func decodeRef(_ node: YAMLNode, path: String) -> GitRef? {
        guard let fields = fields(node, path: path, allowed: Self.refKinds) else { return nil }
        let named = Self.refKinds.filter { fields.node($0) != nil }
        guard named.count == 1, let kind = named.first, let value = fields.string(kind) else {
            let both = named.count > 1 ? "names \(named.joined(separator: " and ")); " : ""
            report("\(both)name exactly one of branch, tag, semver or commit", at: fields.mark, path: path)
            return nil
        }
        return checkedRef(kind: kind, value: value, fields: fields)
    }

    private func checkedRef(kind: String, value: String, fields: ConfigFields) -> GitRef? {
        switch kind {
        case "branch", "tag":
            guard !value.contains(where: \.isWhitespace), !value.contains(".."), !value.isEmpty else {
                fields.report("\"\(value)\" is not a valid git \(kind) name", kind)
                return nil
            }
            return kind == "branch" ? .branch(value) : .tag(value)
        case "semver":
            if let problem = SemverRangeSyntax.problem(in: value) {
                fields.report("invalid semver range \"\(value)\": \(problem)", kind)
                return nil
            }
            return .semver(value)
        default:
            guard value.count == 40, value.allSatisfy(\.isHexDigit) else {
                fields.report("\"\(value)\" is not a commit id: write the full 40-hex-digit sha", kind)
                return nil
            }
            return .commit(value.lowercased())
        }
    }
}
