import Sandbox

/// How an app's directory is rendered, decided by the files at its top.
public enum AppLayout: Sendable, Equatable {
    /// A kustomization (`kustomization.yaml`, `kustomization.yml` or `Kustomization`).
    case overlay(file: String)
    /// A Helm chart (`Chart.yaml`).
    case chart(file: String)
    /// Any other directory: its YAML and JSON files, as they are.
    case plain

    static let kustomizationNames = ["kustomization.yaml", "kustomization.yml", "Kustomization"]

    /// Looks at `directory` (relative to the tree's root) the way kustomize and Flux do:
    /// a kustomization wins over a chart, and either wins over plain files.
    public static func detect(_ directory: String, in tree: SourceTree) throws(SandboxError) -> AppLayout {
        for name in kustomizationNames {
            let file = join(directory, name)
            if try tree.kind(of: file) == .file { return .overlay(file: file) }
        }
        let chart = join(directory, "Chart.yaml")
        if try tree.kind(of: chart) == .file { return .chart(file: chart) }
        return .plain
    }

    static func join(_ directory: String, _ name: String) -> String {
        directory.isEmpty || directory == "." ? name : "\(directory)/\(name)"
    }
}
