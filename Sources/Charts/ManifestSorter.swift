import CapstanCore
import Manifests

/// Helm's releaseutil.SortManifests: split rendered files into documents, drop empty ones, separate
/// hooks, order each group by kind (install order) then file path then position.
enum ManifestSorter {
    struct Manifest {
        let path: String
        let content: String
        let kind: String
    }

    static func sort(_ files: [String: String], skipTests: Bool) throws -> (manifests: [Manifest], hooks: [Manifest]) {
        var generic: [Manifest] = []
        var hooks: [Manifest] = []
        for path in files.keys.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }) {
            guard let content = files[path], !content.trimmingWhitespace().isEmpty else { continue }
            for document in split(content) {
                let head: JSONValue
                do {
                    head = try ManifestDecoder(semantics: .helm).decodeValues(Array(document.utf8), file: path).first ?? .null
                } catch {
                    throw ChartError("YAML parse error on \(path): \(error)", duringRender: true)
                }
                if let type = goJSONType(head) {
                    throw ChartError("YAML parse error on \(path): error unmarshaling JSON: while decoding JSON: json: cannot unmarshal \(type) into Go value of type releaseutil.SimpleHead", duringRender: true)
                }
                let kind = head["kind"]?.stringValue ?? ""
                let manifest = Manifest(path: path, content: document, kind: kind)
                if let hook = head["metadata"]?["annotations"]?["helm.sh/hook"]?.stringValue {
                    let events = hook.split(separator: ",", omittingEmptySubsequences: false)
                        .map { String($0.trimmingWhitespace()).lowercased() }
                    // Helm drops a manifest whose hook names an event it does not know (Helm 2's crd-install).
                    guard events.allSatisfy(hookEvents.contains) else { continue }
                    let isTest = events.contains { $0 == "test" || $0 == "test-success" }
                    if skipTests && isTest { continue }
                    hooks.append(manifest)
                } else {
                    generic.append(manifest)
                }
            }
        }
        return (byKind(generic), byKind(hooks))
    }

    static let hookEvents: Set<String> = [
        "pre-install", "post-install", "pre-delete", "post-delete", "pre-upgrade", "post-upgrade",
        "pre-rollback", "post-rollback", "test", "test-success",
    ]

    /// Go's JSON name for a document that is not a mapping (Helm reads every document's head as one).
    static func goJSONType(_ head: JSONValue) -> String? {
        switch head {
        case .null, .object: nil
        case .string: "string"
        case .int, .double: "number"
        case .bool: "bool"
        case .array: "array"
        }
    }

    /// Splits on `---` lines as Helm's regexp `(?:^|\s*\n)---\s*` does, trimming each document.
    static func split(_ text: String) -> [String] {
        let trimmed = String(text.trimmingWhitespace())
        var documents: [String] = []
        var current: [Substring] = []
        var first = true
        for line in trimmed.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("---") && line.dropFirst(3).allSatisfy({ $0.isWhitespace }) || (first && line.hasPrefix("---")) && line.count == 3 {
                documents.append(current.joined(separator: "\n"))
                current = []
            } else {
                current.append(line)
            }
            first = false
        }
        documents.append(current.joined(separator: "\n"))
        return documents.map { String($0.trimmingWhitespace()) }.filter { !$0.isEmpty }
    }

    static func byKind(_ manifests: [Manifest]) -> [Manifest] {
        let probes = manifests.enumerated().map { JSONValue.object(["kind": .string($0.element.kind), "i": .int(Int64($0.offset))]) }
        return HelmInstallOrder.sorted(probes).compactMap { probe in
            guard case .int(let i)? = probe["i"] else { return nil }
            return manifests[Int(i)]
        }
    }
}

extension String {
    func trimmingWhitespace() -> Substring { self[...].trimmingWhitespace() }
}
