import CapstanCore
import Foundation
import Manifests
import Overlays
import Sandbox

/// Reads the repository's own deployment files the way Capstan reads them: YAML through the
/// project's decoder, kustomizations through the Overlays engine.
enum RepositoryFiles {
    /// The one YAML document of `relative` as a JSON value.
    static func document(_ relative: String) throws -> JSONValue {
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: RepositoryRoot.file(relative))))
        let values = try ManifestDecoder().decodeValues(bytes, file: relative)
        guard values.count == 1, let value = values.first else {
            throw Kubectl.Failure(description: "\(relative): expected one YAML document, found \(values.count)")
        }
        return value
    }

    /// Every Kubernetes object in a plain YAML file.
    static func objects(_ relative: String) throws -> [JSONValue] {
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: RepositoryRoot.file(relative))))
        return try ManifestDecoder.decode(bytes, file: relative)
    }

    /// The config at `relative`, loaded exactly as a stage loads it.
    static func config(_ relative: String) throws -> CapstanConfig {
        try CapstanConfig.load(path: RepositoryRoot.file(relative))
    }

    /// The kustomization in `directory` built by Capstan's Overlays engine.
    static func build(_ directory: String) throws -> Overlay {
        try Overlay.build(directory, in: SourceTree(root: RepositoryRoot.path))
    }

    /// Every directory under `top` (relative to the root) holding a kustomization.yaml, sorted.
    static func kustomizations(under top: String) -> [String] {
        let base = URL(fileURLWithPath: RepositoryRoot.file(top))
        guard let walker = FileManager.default.enumerator(atPath: base.path) else { return [] }
        var found: [String] = []
        while let entry = walker.nextObject() as? String {
            let name = (entry as NSString).lastPathComponent
            guard name == "kustomization.yaml" || name == "kustomization.yml" || name == "Kustomization" else { continue }
            let directory = (entry as NSString).deletingLastPathComponent
            found.append(directory.isEmpty ? top : top + "/" + directory)
        }
        return found.sorted()
    }
}
