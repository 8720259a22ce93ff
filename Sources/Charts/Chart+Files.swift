import CapstanCore

/// One file of a chart, by its path inside the chart (`templates/x.yaml`).
struct ChartFile: Sendable {
    let path: String
    let bytes: [UInt8]
}

extension Chart {
    static let reservedFiles: Set<String> = [
        "Chart.yaml", "values.yaml", "requirements.yaml", "requirements.lock", "Chart.lock",
        "values.schema.json", ".helmignore",
    ]

    /// Builds a chart from its files, as Helm's loader does: subcharts are `charts/<dir>/` folders
    /// and `charts/*.tgz` archives. `origin` names the chart in errors.
    static func load(files: [ChartFile], origin: String) throws -> Chart {
        let byPath = Dictionary(files.map { ($0.path, $0.bytes) }, uniquingKeysWith: { a, _ in a })
        guard let chartYAML = byPath["Chart.yaml"] else {
            throw ChartError("\(origin): Chart.yaml file is missing")
        }
        let metadata = try yamlMap(chartYAML, file: "\(origin)/Chart.yaml")
        guard let name = metadata["name"]?.stringValue, !name.isEmpty else {
            throw ChartError("validation: chart.metadata.name is required (\(origin)/Chart.yaml)")
        }
        if let type = metadata["type"]?.stringValue, !["", "application", "library"].contains(type) {
            throw ChartError("validation: chart.metadata.type must be application or library")
        }
        let values = try byPath["values.yaml"].map { try yamlMap($0, file: "\(origin)/values.yaml") } ?? [:]
        var templates: [(path: String, bytes: [UInt8])] = []
        var other: [(path: String, bytes: [UInt8])] = []
        var nested: [String: [ChartFile]] = [:]
        var subcharts: [Chart] = []
        for file in files.sorted(by: { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }) {
            if file.path.hasPrefix("charts/") {
                let rest = file.path.dropFirst("charts/".count)
                if let slash = rest.firstIndex(of: "/") {
                    nested[String(rest[..<slash]), default: []].append(ChartFile(path: String(rest[rest.index(after: slash)...]), bytes: file.bytes))
                } else if ChartArchive.isArchive(String(rest)) {
                    subcharts.append(try load(files: try ChartArchive.read(bytes: file.bytes, origin: "\(origin)/\(file.path)"),
                                              origin: "\(origin)/\(file.path)"))
                }
            } else if file.path.hasPrefix("templates/") {
                templates.append((file.path, file.bytes))
            } else if !reservedFiles.contains(file.path) {
                other.append((file.path, file.bytes))
            }
        }
        for folder in nested.keys.sorted() {
            subcharts.append(try load(files: nested[folder]!, origin: "\(origin)/charts/\(folder)"))
        }
        var dependencies = metadata["dependencies"]?.arrayValue ?? []
        if let requirements = byPath["requirements.yaml"] {
            dependencies = try yamlMap(requirements, file: "\(origin)/requirements.yaml")["dependencies"]?.arrayValue ?? []
        }
        let chart = Chart(name: name, metadata: metadata, values: values, templates: templates, files: other,
                          subcharts: subcharts, dependencies: dependencies.compactMap { $0.objectValue })
        if let schema = byPath["values.schema.json"] {
            do {
                chart.schema = try JSONValue.parse(schema)
            } catch {
                throw ChartError("\(origin)/values.schema.json: not valid JSON: \(error)")
            }
        }
        return chart
    }
}
