import CapstanCore
import Charts
import Manifests
import Sandbox

/// Renders a Helm chart directory as `helm template` would, then reads the manifests back as
/// objects so charts flow through substitution and the bundle emitter like any other layout.
public enum ChartEngine {
    /// Renders the chart at `directory` with `helm` (values files relative to the chart directory).
    public static func build(_ directory: String, in tree: SourceTree, helm: HelmConfig?) throws -> [JSONValue] {
        let helm = helm ?? HelmConfig()
        let chartYAML = directory == "." || directory.isEmpty ? "Chart.yaml" : "\(directory)/Chart.yaml"
        do {
            let user = try userValues(directory, in: tree, helm: helm)
            // Test hooks exist for `helm test`; an install never creates them, so a bundle leaves them out.
            let options = RenderOptions(releaseName: helm.releaseName ?? "release-name", namespace: helm.namespace ?? "default",
                                        skipTests: true)
            return try Chart.renderObjects(directory: directory, in: tree, values: user, options: options)
        } catch let error as ChartError {
            throw RenderError(.engine, at: chartYAML, error.message)
        }
    }

    /// Helm's order for an app: values files (in order), inline values, then `set` in key order.
    static func userValues(_ directory: String, in tree: SourceTree, helm: HelmConfig) throws -> [String: JSONValue] {
        let base = directory == "." ? "" : directory
        let files = try helm.valuesFiles.map { file throws(SandboxError) in try tree.resolve(file, from: base) }
        let fromFiles = try ValueCoalescing.userValues(valuesFiles: files, in: tree)
        let inline = ValueCoalescing.merge(fromFiles, helm.values.objectValue ?? [:])
        let sets = helm.set.keys.sorted().map { key in
            let value = helm.set[key]!
            // A `{a,b}` list keeps its commas; elsewhere a comma is part of the value.
            let isList = value.hasPrefix("{") && value.hasSuffix("}")
            return "\(key)=\(isList ? value : value.replacingOccurrences(of: ",", with: "\\,"))"
        }
        return try ValueCoalescing.userValues(values: inline, set: sets, in: tree)
    }
}
