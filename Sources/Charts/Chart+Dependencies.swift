import CapstanCore

/// Helm's chartutil.ProcessDependencies: aliases, `tags` and `condition` decide which subcharts
/// stay, then `import-values` copy child values into their parents.
extension Chart {
    /// Prunes disabled subcharts and applies `import-values`, given the user's values.
    func processDependencies(user: [String: JSONValue]) {
        processEnabled(values: user, path: "")
        processImports()
    }

    /// Helm's CheckDependencies: every declared dependency must be under `charts/`.
    func checkDependenciesPresent() throws {
        let missing = requirements.map(\.name).filter { name in !subcharts.contains { $0.name == name } }
        guard missing.isEmpty else {
            throw ChartError("An error occurred while checking for chart dependencies. You may need to run `helm dependency build` to fetch missing dependencies: found in Chart.yaml, but missing in charts/ directory: \(missing.joined(separator: ", "))")
        }
    }

    func processEnabled(values: [String: JSONValue], path: String) {
        guard hasDependencyList else { return }
        var chosen = subcharts.filter { existing in
            !requirements.contains { $0.name == existing.name }
        }
        for index in requirements.indices {
            let requirement = requirements[index]
            if let match = subcharts.first(where: { $0.name == requirement.name }) {
                let copy = match.copy()
                if let alias = requirement.alias { copy.name = alias }
                chosen.append(copy)
            }
            if let alias = requirement.alias { requirements[index].name = alias }
        }
        subcharts = chosen
        let coalesced = ValueCoalescing.coalesce(chart: self, user: values)
        for index in requirements.indices {
            requirements[index].enabled = Self.enabled(by: requirements[index], values: coalesced, path: path)
        }
        let disabled = Set(requirements.filter { !$0.enabled }.map(\.name))
        subcharts = subcharts.filter { !disabled.contains($0.name) }
        requirements = requirements.filter { !disabled.contains($0.name) }
        for sub in subcharts {
            sub.processEnabled(values: coalesced, path: path + sub.name + ".")
        }
    }

    /// Tags first (any true tag enables, only-false tags disable), then the first condition path
    /// that holds a boolean. Helm splits conditions on `,` without trimming the pieces.
    static func enabled(by requirement: ChartDependency, values: [String: JSONValue], path: String) -> Bool {
        var enabled = true
        if let tags = values["tags"]?.objectValue {
            let found = requirement.tags.compactMap { tags[$0]?.boolValue }
            enabled = found.contains(true) || !found.contains(false)
        }
        let condition = requirement.condition.trimmingWhitespace()
        for piece in condition.split(separator: ",", omittingEmptySubsequences: false) where !piece.isEmpty {
            if case .bool(let value)? = ValuePath.scalar(path + piece, in: values) {
                return value
            }
        }
        return enabled
    }

    func processImports() {
        for sub in subcharts { sub.processImports() }
        guard hasDependencyList else { return }
        let merged = ValueCoalescing.coalesce(chart: self, user: [:], merge: true)
        var imported: [String: JSONValue] = [:]
        for requirement in requirements {
            for entry in requirement.importValues {
                let child: String, parent: String
                if let text = entry.stringValue {
                    (child, parent) = ("exports." + text, ".")
                } else if let map = entry.objectValue {
                    (child, parent) = (map["child"]?.stringValue ?? "", map["parent"]?.stringValue ?? "")
                } else {
                    continue
                }
                guard let table = ValuePath.table(requirement.name + "." + child, in: merged) else { continue }
                imported = ValueCoalescing.tables(imported, ValuePath.nest(table, under: parent), merge: true)
            }
        }
        values = ValueCoalescing.tables(merged, imported, merge: true)
    }
}
