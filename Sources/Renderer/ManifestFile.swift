import CapstanCore
import Manifests
import Sandbox
import YAML

/// One manifest file of a plain directory: its documents, each required to be a Kubernetes object.
struct ManifestFile {
    let path: String
    let tree: SourceTree
    let limits: RenderLimits

    func objects() throws(RenderError) -> [JSONValue] {
        let bytes: [UInt8]
        do { bytes = try tree.read(path) } catch { throw RenderError(error) }
        let values: [JSONValue]
        do {
            values = try ManifestDecoder(semantics: .kustomize, limits: limits.yaml).decodeValues(bytes, file: path)
        } catch { throw RenderError(error) }
        var objects: [JSONValue] = []
        for (index, value) in values.enumerated() {
            if value == .null { continue }
            guard let problem = Self.problem(with: value) else {
                objects.append(value)
                continue
            }
            throw RenderError(
                .invalidManifest, at: "\(path):\(line(ofDocument: index, in: bytes))", problem,
                hint: "every document in a plain directory must be a Kubernetes object; move other YAML out of the app's path")
        }
        return objects
    }

    /// What makes a document not a Kubernetes object, or nil when it is one.
    static func problem(with value: JSONValue) -> String? {
        guard case .object = value else { return "document is not a mapping" }
        let missing = ["apiVersion", "kind"].filter { (value[$0]?.stringValue ?? "").isEmpty }
        guard missing.isEmpty else { return "document has no \(missing.joined(separator: " and "))" }
        return nil
    }

    /// The line a document starts on; parsed again only on this error path.
    private func line(ofDocument index: Int, in bytes: [UInt8]) -> Int {
        guard let documents = try? YAMLParser.parse(bytes, file: path, limits: limits.yaml), index < documents.count
        else { return 1 }
        return documents[index].root?.mark.line ?? documents[index].mark.line
    }
}
