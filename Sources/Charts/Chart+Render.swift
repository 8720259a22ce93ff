import CapstanCore
import Manifests
import Sandbox
import Templates

extension Chart {
    /// Renders the chart at `directory` as `helm template` prints it.
    /// `valuesFiles` are paths in the tree, applied in order after `values`; `set` holds `--set` arguments.
    public static func render(directory: String, in tree: SourceTree, values: [String: JSONValue] = [:],
                              valuesFiles: [String] = [], set: [String] = [],
                              options: RenderOptions = RenderOptions()) throws -> String {
        let chart = try load(directory, in: tree)
        let user = try ValueCoalescing.userValues(values: values, valuesFiles: valuesFiles, set: set, in: tree)
        return try chart.render(user: user, options: options)
    }

    /// Renders this chart with the user's values (values files and `--set` already merged).
    /// The chart itself is left as loaded: dependencies are processed on a copy.
    public func render(user: [String: JSONValue], options: RenderOptions) throws -> String {
        let out = try renderManifests(user: user, options: options).map { "---\n# Source: \($0.path)\n\($0.content)\n" }.joined()
        // helm template prints the whole output trimmed, with one final newline.
        return String(out.trimmingWhitespace()) + "\n"
    }

    /// The rendered objects in `helm template`'s order, without printing and parsing them again.
    public func renderObjects(user: [String: JSONValue], options: RenderOptions) throws -> [JSONValue] {
        try renderManifests(user: user, options: options).flatMap(\.objects)
    }

    /// What `helm template` prints, manifest by manifest (a copy of the chart is processed).
    func renderManifests(user: [String: JSONValue], options: RenderOptions) throws -> [RenderedManifest] {
        let options = try options.validated()
        try checkDependenciesPresent()
        let processed = copy()
        processed.processDependencies(user: user)
        return try processed.renderProcessed(user: user, options: options)
    }

    func renderProcessed(user: [String: JSONValue], options: RenderOptions) throws -> [RenderedManifest] {
        let coalesced = ValueCoalescing.coalesce(chart: self, user: user)
        if !options.skipSchemaValidation {
            let report = schemaReport(coalesced)
            if !report.isEmpty {
                throw ChartError("values don't meet the specifications of the schema(s) in the following chart(s):\n" + report)
            }
        }
        try checkKubeVersion(options.kubeVersion)
        let set = TemplateSet(functions: FunctionLibrary.helm, options: TemplateOptions(missingKey: .zero, helmMode: true))
        var jobs: [(name: String, data: Value)] = []
        let release: [String: Value] = [
            "Name": .string(options.releaseName), "Namespace": .string(options.namespace), "Service": .string("Helm"),
            "IsInstall": .bool(!options.isUpgrade), "IsUpgrade": .bool(options.isUpgrade), "Revision": .int(1, .int),
        ]
        let capabilities: [String: Value] = [
            "KubeVersion": .object(KubeVersionObject(options.kubeVersion)),
            "APIVersions": .object(APIVersionsObject(RenderOptions.defaultAPIVersions + options.extraAPIVersions)),
            "HelmVersion": .map(MapValue(["Version": .string("v3.21.4")])),
        ]
        try collect(path: name, values: Value.from(.object(coalesced), numbers: .int), set: set, jobs: &jobs,
                    release: .map(MapValue(release)), capabilities: .map(MapValue(capabilities)))
        var rendered: [String: String] = [:]
        for job in jobs {
            do {
                rendered[job.name] = try set.executeString(name: job.name, data: job.data)
            } catch {
                throw ChartError(HelmErrors.execError(error).message, duringRender: true)
            }
        }
        var entries: [RenderedManifest] = []
        if options.includeCRDs {
            for crd in crds(path: name) {
                let objects = try ManifestDecoder(semantics: .helm).decodeValues(crd.bytes, file: crd.path).filter { $0 != .null }
                entries.append(RenderedManifest(path: crd.path, content: String(decoding: crd.bytes, as: UTF8.self), objects: objects))
            }
        }
        let (manifests, hooks) = try ManifestSorter.sort(rendered, skipTests: options.skipTests)
        entries += (manifests + (options.noHooks ? [] : hooks)).map {
            RenderedManifest(path: $0.path, content: $0.content, objects: $0.object == .null ? [] : [$0.object])
        }
        if !options.showOnly.isEmpty { entries = try ShowOnly.select(entries, patterns: options.showOnly) }
        return entries
    }

    func crds(path: String) -> [(path: String, bytes: [UInt8])] {
        var out = files.filter { $0.path.hasPrefix("crds/") }.map { (path: "\(path)/\($0.path)", bytes: $0.bytes) }
        for sub in subcharts { out += sub.crds(path: "\(path)/charts/\(sub.name)") }
        return out
    }

    func collect(path: String, values: Value, set: TemplateSet, jobs: inout [(name: String, data: Value)],
                 release: Value, capabilities: Value) throws {
        var chartFields: [String: Value] = [:]
        for (key, value) in metadata {
            let field = key == "apiVersion" ? "APIVersion" : key.prefix(1).uppercased() + key.dropFirst()
            chartFields[field] = Value.from(value, numbers: .int)
        }
        for field in ["Name", "Version", "AppVersion", "Description", "Type", "Home", "Icon", "KubeVersion", "APIVersion", "Condition", "Tags"]
        where chartFields[field] == nil { chartFields[field] = .string("") }
        chartFields["Name"] = .string(name)
        chartFields["IsRoot"] = .bool(!path.contains("/charts/"))
        let files = Value.object(FilesObject(self.files))
        for template in templates {
            let fullName = "\(path)/\(template.path)"
            do {
                try set.parse(name: fullName, bytes: template.bytes)
            } catch {
                throw ChartError(HelmErrors.parseError(error, name: fullName).message, duringRender: true)
            }
            let base = template.path.split(separator: "/").last.map(String.init) ?? ""
            if isLibrary || base.hasPrefix("_") || template.path == "templates/NOTES.txt" { continue }
            let data: [String: Value] = [
                "Values": values, "Release": release, "Capabilities": capabilities, "Files": files,
                "Chart": .map(MapValue(chartFields)),
                "Template": .map(MapValue(["Name": .string(fullName), "BasePath": .string("\(path)/templates")])),
            ]
            jobs.append((fullName, .map(MapValue(data))))
        }
        for sub in subcharts {
            var subValues = Value.map(MapValue([:]))
            if case .map(let map) = values, case .map(let inner)? = map.entries[sub.name] { subValues = .map(inner) }
            try sub.collect(path: "\(path)/charts/\(sub.name)", values: subValues, set: set, jobs: &jobs,
                            release: release, capabilities: capabilities)
        }
    }
}

extension Substring {
    func trimmingWhitespace() -> Substring {
        var s = self
        while s.first?.isWhitespace == true { s.removeFirst() }
        while s.last?.isWhitespace == true { s.removeLast() }
        return s
    }
}

extension Chart {
    /// Like `render(directory:…)`, but returns the objects rather than `helm template` text.
    public static func renderObjects(directory: String, in tree: SourceTree, values: [String: JSONValue] = [:],
                                     valuesFiles: [String] = [], set: [String] = [],
                                     options: RenderOptions = RenderOptions()) throws -> [JSONValue] {
        let chart = try load(directory, in: tree)
        let user = try ValueCoalescing.userValues(values: values, valuesFiles: valuesFiles, set: set, in: tree)
        return try chart.renderObjects(user: user, options: options)
    }
}
