import CapstanCore
import Manifests

/// Helm's releaseutil.SortManifests: split rendered files into documents, drop empty ones, separate
/// hooks, order each group by kind (install order) then file path then position.
enum ManifestSorter {
    struct Manifest {
        let path: String
        let content: String
        let kind: String
        /// The document as parsed while sorting, so callers wanting objects need not parse again.
        let object: JSONValue
    }

    static func sort(_ files: [String: String], skipTests: Bool) throws -> (manifests: [Manifest], hooks: [Manifest]) {
        var generic: [Manifest] = []
        var hooks: [Manifest] = []
        for path in files.keys.sorted(by: JSONValue.utf8Less) {
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
                let manifest = Manifest(path: path, content: document, kind: kind, object: head)
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
    /// Works on UTF-8 bytes: rendered charts are large and Character-wise splitting shows in profiles.
    static func split(_ text: String) -> [String] {
        let bytes = Array(text.utf8)
        var documents: [String] = []
        var documentStart = 0
        var lineStart = 0
        while lineStart <= bytes.count {
            let lineEnd = bytes[lineStart...].firstIndex(of: UInt8(ascii: "\n")) ?? bytes.count
            if isSeparator(bytes[lineStart..<lineEnd]) {
                documents.append(trimmed(bytes[documentStart..<lineStart]))
                documentStart = min(lineEnd + 1, bytes.count)
            }
            lineStart = lineEnd + 1
        }
        documents.append(trimmed(bytes[documentStart..<bytes.count]))
        return documents.filter { !$0.isEmpty }
    }

    static func isSeparator(_ line: ArraySlice<UInt8>) -> Bool {
        let dash = UInt8(ascii: "-")
        guard line.count >= 3, line.prefix(3).allSatisfy({ $0 == dash }) else { return false }
        return line.dropFirst(3).allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }
    }

    static func trimmed(_ bytes: ArraySlice<UInt8>) -> String {
        String(String(decoding: bytes, as: UTF8.self).trimmingWhitespace())
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
