import CapstanCore
import Manifests
import Sandbox

/// A Helm chart read from a directory: metadata, default values, templates, files and subcharts.
public final class Chart: @unchecked Sendable {
    /// The chart's name (its alias when a parent names it so).
    public internal(set) var name: String
    /// Chart.yaml as JSON.
    public let metadata: [String: JSONValue]
    /// values.yaml (empty when absent); after dependency processing, with imported values.
    public internal(set) var values: [String: JSONValue]
    /// Templates by path inside the chart (`templates/x.yaml`), sorted.
    public let templates: [(path: String, bytes: [UInt8])]
    /// Every other file by path inside the chart (what `.Files` sees), `crds/` included.
    public let files: [(path: String, bytes: [UInt8])]
    /// Subcharts found under `charts/`, in directory order.
    public internal(set) var subcharts: [Chart]
    /// Chart.yaml `dependencies` (or requirements.yaml for v1 charts).
    public let dependencies: [[String: JSONValue]]
    /// The parsed dependency list, rewritten while dependencies are processed.
    var requirements: [ChartDependency]
    /// Whether Chart.yaml (or requirements.yaml) declares a dependency list at all.
    let hasDependencyList: Bool
    /// `values.schema.json`, when the chart has one.
    var schema: JSONValue?

    init(name: String, metadata: [String: JSONValue], values: [String: JSONValue],
         templates: [(path: String, bytes: [UInt8])], files: [(path: String, bytes: [UInt8])],
         subcharts: [Chart], dependencies: [[String: JSONValue]]) {
        self.name = name
        self.metadata = metadata
        self.values = values
        self.templates = templates
        self.files = files
        self.subcharts = subcharts
        self.dependencies = dependencies
        self.requirements = dependencies.map(ChartDependency.init)
        self.hasDependencyList = !dependencies.isEmpty
    }

    /// A deep copy, so an aliased subchart is processed apart from the chart it copies.
    func copy() -> Chart {
        let out = Chart(name: name, metadata: metadata, values: values, templates: templates, files: files,
                        subcharts: subcharts.map { $0.copy() }, dependencies: dependencies)
        out.requirements = requirements
        out.schema = schema
        return out
    }

    /// `type: library` charts only lend their defines.
    public var isLibrary: Bool { metadata["type"]?.stringValue == "library" }

    /// Loads the chart at `directory` (relative to the tree's root), or a chart archive (`.tgz`).
    public static func load(_ directory: String, in tree: SourceTree) throws -> Chart {
        if try tree.kind(of: directory) == .file, ChartArchive.isArchive(directory) {
            return try load(files: try ChartArchive.read(directory, in: tree), origin: directory)
        }
        let prefix = directory.isEmpty || directory == "." ? "" : directory + "/"
        guard try tree.kind(of: prefix + "Chart.yaml") == .file else {
            throw ChartError("\(directory): Chart.yaml file is missing")
        }
        let ignore = HelmIgnore(try tree.kind(of: prefix + ".helmignore") == .file
            ? String(decoding: try tree.read(prefix + ".helmignore"), as: UTF8.self) : "")
        var files: [ChartFile] = []
        for entry in try walk(tree, directory) {
            let relative = String(entry.dropFirst(prefix.count))
            if relative != "Chart.yaml", ignore.ignores(relative) { continue }
            files.append(ChartFile(path: relative, bytes: try tree.read(entry)))
        }
        return try load(files: files, origin: directory)
    }

    static func walk(_ tree: SourceTree, _ directory: String) throws -> [String] {
        var out: [String] = []
        for entry in try tree.list(directory) {
            switch try tree.kind(of: entry) {
            case .directory: out += try walk(tree, entry)
            case .file: out.append(entry)
            default: break
            }
        }
        return out
    }

    static func yamlMap(_ tree: SourceTree, _ path: String) throws -> [String: JSONValue] {
        try yamlMap(try tree.read(path), file: path)
    }

    static func yamlMap(_ bytes: [UInt8], file path: String) throws -> [String: JSONValue] {
        let documents = try ManifestDecoder(semantics: .helm).decodeValues(bytes, file: path)
        guard let first = documents.first else { return [:] }
        switch first {
        case .null: return [:]
        case .object(let members): return members
        default: throw ChartError("\(path): expected a YAML mapping at the top level")
        }
    }
}
