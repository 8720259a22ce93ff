import Manifests

/// Where a resource came from, or which builtin changed it, for kustomize's `buildMetadata`
/// annotations (`config.kubernetes.io/origin`, `alpha.config.kubernetes.io/transformations`).
struct Origin: Sendable, Equatable {
    /// The file it was read from, relative to the top kustomization.
    var path = ""
    /// The file that configured the generator or transformer.
    var configuredIn = ""
    /// The generator or transformer: `apiVersion`, `kind`, and for plugin configs `name`/`namespace`.
    var configuredBy: [(String, String)] = []

    static func == (lhs: Origin, rhs: Origin) -> Bool {
        lhs.path == rhs.path && lhs.configuredIn == rhs.configuredIn
            && lhs.configuredBy.map { $0.0 + "=" + $0.1 } == rhs.configuredBy.map { $0.0 + "=" + $0.1 }
    }

    /// A builtin configured in a kustomization file.
    static func builtin(_ kind: String, configuredIn: String) -> Origin {
        Origin(configuredIn: configuredIn, configuredBy: [("apiVersion", "builtin"), ("kind", kind)])
    }

    /// A generator or transformer configured by a plugin-style config object.
    static func config(_ object: Resource, configuredIn: String) -> Origin {
        var by = [("apiVersion", object.apiVersion), ("kind", object.kind)]
        if !object.name.isEmpty { by.append(("name", object.name)) }
        if !object.namespace.isEmpty { by.append(("namespace", object.namespace)) }
        return Origin(configuredIn: configuredIn, configuredBy: by)
    }

    /// The YAML kustomize writes for it, fields in its struct order.
    func yamlLines() -> [String] {
        var lines: [String] = []
        if !path.isEmpty { lines.append("path: \(Self.scalar(path))") }
        if !configuredIn.isEmpty { lines.append("configuredIn: \(Self.scalar(configuredIn))") }
        if !configuredBy.isEmpty {
            lines.append("configuredBy:")
            for (key, value) in configuredBy { lines.append("  \(key): \(Self.scalar(value))") }
        }
        return lines
    }

    private static func scalar(_ text: String) -> String {
        var written = YAMLWriter.write(.string(text))
        if written.hasSuffix("\n") { written.removeLast() }
        return written
    }

    /// The `config.kubernetes.io/origin` annotation value.
    var annotation: String { yamlLines().joined(separator: "\n") + "\n" }

    /// The `alpha.config.kubernetes.io/transformations` annotation value.
    static func transformationsAnnotation(_ origins: [Origin]) -> String {
        origins.map { origin in
            origin.yamlLines().enumerated().map { $0.offset == 0 ? "- " + $0.element : "  " + $0.element }.joined(separator: "\n")
        }.joined(separator: "\n") + "\n"
    }

    /// `filepath.Join` for origin paths: lexical, keeping leading `..`.
    static func join(_ base: String, _ path: String) -> String {
        var parts: [Substring] = []
        for component in base.split(separator: "/") + path.split(separator: "/") {
            if component == "." { continue }
            if component == "..", let last = parts.last, last != ".." {
                parts.removeLast()
            } else {
                parts.append(component)
            }
        }
        return parts.joined(separator: "/")
    }
}
