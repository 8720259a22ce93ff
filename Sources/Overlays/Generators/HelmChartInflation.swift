import CapstanCore
import Charts
import Manifests
import Sandbox

/// kustomize's `helmCharts` (HelmChartInflationGenerator), inflated by Capstan's own chart engine:
/// the chart must already sit under `chartHome` in the repository; nothing is pulled.
struct HelmChartInflation {
    let tree: SourceTree
    /// The kustomization's directory, relative to the tree's root.
    let directory: String
    let chartHome: String

    init(tree: SourceTree, directory: String, globals: JSONValue?) {
        self.tree = tree
        self.directory = directory
        chartHome = globals?["chartHome"]?.stringValue ?? "charts"
    }

    /// The objects one `helmCharts` entry renders to.
    func inflate(_ entry: JSONValue) throws(OverlayError) -> [JSONValue] {
        guard let name = entry["name"]?.stringValue, !name.isEmpty else {
            throw OverlayError("chart name cannot be empty", in: directory)
        }
        let repo = entry["repo"]?.stringValue ?? ""
        var home = chartHome
        if let version = entry["version"]?.stringValue, !version.isEmpty, !repo.isEmpty { home += "/\(name)-\(version)" }
        do {
            let chartPath = try tree.resolve("\(home)/\(name)", from: directory)
            guard try tree.kind(of: chartPath) == .directory else {
                if repo.isEmpty { throw OverlayError("no repo specified for pull, no chart found at '\(chartPath)'", in: directory) }
                throw OverlayError(
                    "helmCharts '\(name)': Capstan does not pull charts from '\(repo)'; vendor the chart into the repository at '\(chartPath)' (helm pull --untar --untardir \(home))",
                    in: directory)
            }
            return try Chart.renderObjects(directory: chartPath, in: tree, values: try values(entry, chartPath: chartPath),
                                           options: options(entry))
        } catch let error as OverlayError {
            throw error
        } catch let error as ChartError {
            throw OverlayError("helmCharts '\(name)': \(error.message)", in: directory)
        } catch {
            throw OverlayError("helmCharts '\(name)': \(error)", in: directory)
        }
    }

    /// `valuesFile` (default: the chart's values.yaml) combined with `valuesInline` per
    /// `valuesMerge`, then each of `additionalValuesFiles`.
    func values(_ entry: JSONValue, chartPath: String) throws -> [String: JSONValue] {
        let file = try entry["valuesFile"]?.stringValue.map { try tree.resolve($0, from: directory) } ?? "\(chartPath)/values.yaml"
        var base = try tree.kind(of: file) == .file ? try ValueCoalescing.valuesFile(try tree.read(file), file: file) : [:]
        if let inline = entry["valuesInline"]?.objectValue, !inline.isEmpty {
            switch entry["valuesMerge"]?.stringValue ?? "override" {
            case "override": base = ValueCoalescing.merge(base, inline)
            case "merge": base = ValueCoalescing.merge(inline, base)
            case "replace": base = inline
            default: throw OverlayError("valuesMerge must be one of [merge override replace]", in: directory)
            }
        }
        let extra = try (entry["additionalValuesFiles"]?.arrayValue ?? []).compactMap(\.stringValue)
            .map { file throws(SandboxError) in try tree.resolve(file, from: directory) }
        return try ValueCoalescing.userValues(values: base, valuesFiles: extra, in: tree)
    }

    func options(_ entry: JSONValue) -> RenderOptions {
        var options = RenderOptions(
            releaseName: entry["releaseName"]?.stringValue ?? "release-name",
            namespace: entry["namespace"]?.stringValue ?? "default",
            extraAPIVersions: (entry["apiVersions"]?.arrayValue ?? []).compactMap(\.stringValue),
            includeCRDs: entry["includeCRDs"]?.boolValue ?? false,
            skipTests: entry["skipTests"]?.boolValue ?? false)
        if let kube = entry["kubeVersion"]?.stringValue, !kube.isEmpty { options.kubeVersion = kube }
        options.noHooks = entry["skipHooks"]?.boolValue ?? false
        return options
    }
}
