import CapstanCore
import Manifests
import Sandbox
import YAML

/// A directory of ready-made manifests: every `*.yaml`, `*.yml` and `*.json` below it, in path order.
struct PlainDirectory {
    let directory: String
    let tree: SourceTree
    let limits: RenderLimits

    static let extensions = [".yaml", ".yml", ".json"]

    /// The objects of every manifest file, files sorted by path, documents in file order.
    func objects() throws(RenderError) -> [JSONValue] {
        var files: [String] = []
        try collect(directory, depth: 0, into: &files)
        files.sort { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        var objects: [JSONValue] = []
        for file in files {
            objects += try ManifestFile(path: file, tree: tree, limits: limits).objects()
            if objects.count > limits.maxObjects {
                throw RenderError(
                    .limit, at: file, "the render holds more than \(limits.maxObjects) objects",
                    hint: "raise limits.documents in capstan.yaml or split the app")
            }
        }
        return objects
    }

    private func collect(_ path: String, depth: Int, into files: inout [String]) throws(RenderError) {
        guard depth <= limits.maxDirectoryDepth else {
            throw RenderError(
                .limit, at: path, "directories nest deeper than \(limits.maxDirectoryDepth) levels",
                hint: "a symlink inside the repository may point at one of its parents")
        }
        do {
            for entry in try tree.list(path) {
                switch try tree.kind(of: entry) {
                case .directory: try collect(entry, depth: depth + 1, into: &files)
                case .file where Self.extensions.contains(where: entry.hasSuffix): files.append(entry)
                default: continue
                }
                if files.count > limits.source.maxFiles {
                    throw RenderError(
                        .limit, at: entry, "the app holds more than \(limits.source.maxFiles) manifest files",
                        hint: "raise limits.renderFiles in capstan.yaml or split the app")
                }
            }
        } catch let error as SandboxError {
            throw RenderError(error)
        } catch let error as RenderError {
            throw error
        } catch {
            throw RenderError(.sandbox, at: path, "\(error)")
        }
    }
}
