import CapstanCore
import Foundation
import Sandbox

/// Makes the ConfigMaps and Secrets that `configMapGenerator`/`secretGenerator` describe, from
/// literals, files and env files inside the tree.
struct DataGenerator {
    let tree: SourceTree
    /// The kustomization directory the sources are relative to.
    let directory: String

    func configMap(_ spec: GeneratorSpec, globalOptions: GeneratorOptions?) throws(OverlayError) -> Resource {
        let pairs = try loadPairs(spec)
        var data: [String: JSONValue] = [:]
        var binaryData: [String: JSONValue] = [:]
        for (key, value) in pairs {
            if let text = String(validating: value, as: UTF8.self) {
                data[key] = .string(text)
            } else {
                binaryData[key] = .string(Self.wrappedBase64(value))
            }
        }
        var object = try baseObject(kind: "ConfigMap", spec: spec)
        if !data.isEmpty { object["data"] = .object(data) }
        if !binaryData.isEmpty { object["binaryData"] = .object(binaryData) }
        return finish(object, spec: spec, options: merged(spec.options, globalOptions))
    }

    func secret(_ spec: GeneratorSpec, globalOptions: GeneratorOptions?) throws(OverlayError) -> Resource {
        let pairs = try loadPairs(spec)
        var object = try baseObject(kind: "Secret", spec: spec)
        object["type"] = .string(spec.type.isEmpty ? "Opaque" : spec.type)
        var data: [String: JSONValue] = [:]
        for (key, value) in pairs { data[key] = .string(Self.wrappedBase64(value)) }
        if !data.isEmpty { object["data"] = .object(data) }
        return finish(object, spec: spec, options: merged(spec.options, globalOptions))
    }

    private func baseObject(kind: String, spec: GeneratorSpec) throws(OverlayError) -> JSONValue {
        guard !spec.name.isEmpty else { throw OverlayError("a configmap must have a name") }
        var metadata: [String: JSONValue] = ["name": .string(spec.name)]
        if !spec.namespace.isEmpty { metadata["namespace"] = .string(spec.namespace) }
        return ["apiVersion": "v1", "kind": .string(kind), "metadata": .object(metadata)]
    }

    private func finish(_ object: JSONValue, spec: GeneratorSpec, options: GeneratorOptions?) -> Resource {
        var resource = Resource(object: object)
        if let labels = options?.labels, !labels.isEmpty {
            var merged = resource.labels
            for (key, value) in labels { merged[key] = value }
            resource.labels = merged
        }
        if let annotations = options?.annotations, !annotations.isEmpty {
            var merged = resource.annotations
            for (key, value) in annotations { merged[key] = value }
            resource.annotations = merged
        }
        if options?.immutable == true { resource.object["immutable"] = .bool(true) }
        resource.behavior = GenerationBehavior(rawValue: spec.behavior) ?? .unspecified
        resource.needsHashSuffix = !(options?.disableNameSuffixHash ?? false)
        return resource
    }

    /// Local options override global ones key by key, as kustomize merges them.
    private func merged(_ local: GeneratorOptions?, _ global: GeneratorOptions?) -> GeneratorOptions? {
        guard let global else { return local }
        guard var result = local else { return global }
        if let labels = global.labels {
            result.labels = labels.merging(result.labels ?? [:], uniquingKeysWith: { _, local in local })
        }
        if let annotations = global.annotations {
            result.annotations = annotations.merging(result.annotations ?? [:], uniquingKeysWith: { _, local in local })
        }
        if global.disableNameSuffixHash { result.disableNameSuffixHash = true }
        if global.immutable { result.immutable = true }
        return result
    }

    /// Env files, then literals, then files, as kustomize reads them; repeated keys are errors.
    private func loadPairs(_ spec: GeneratorSpec) throws(OverlayError) -> [(String, [UInt8])] {
        var pairs: [(String, [UInt8])] = []
        for path in spec.envs { pairs += try envPairs(path) }
        for literal in spec.literals { pairs.append(try literalPair(literal)) }
        for source in spec.files { pairs.append(try filePair(source)) }
        var seen: Set<String> = []
        for (key, _) in pairs {
            try Self.validate(key: key)
            if !seen.insert(key).inserted {
                throw OverlayError("configmap \(spec.name) illegally repeats the key `\(key)`")
            }
        }
        return pairs
    }

    private func read(_ path: String) throws(OverlayError) -> [UInt8] {
        do {
            return try tree.read(tree.resolve(path, from: directory))
        } catch {
            throw OverlayError(error.description)
        }
    }

    private func literalPair(_ source: String) throws(OverlayError) -> (String, [UInt8]) {
        guard let equals = source.firstIndex(of: "="), equals != source.startIndex else {
            throw OverlayError("invalid literal source \(source), expected key=value")
        }
        var value = String(source[source.index(after: equals)...])
        if value.count >= 2, value.first == value.last, value.first == "\"" || value.first == "'" {
            value = String(value.dropFirst().dropLast())
        }
        return (String(source[..<equals]), Array(value.utf8))
    }

    private func filePair(_ source: String) throws(OverlayError) -> (String, [UInt8]) {
        let parts = source.split(separator: "=", omittingEmptySubsequences: false).map(String.init)
        switch parts.count {
        case 1:
            return (String(source.split(separator: "/").last ?? ""), try read(source))
        case 2 where parts[0].isEmpty:
            throw OverlayError("missing key name for file path \"\(parts[1])\" in source \"\(source)\"")
        case 2 where parts[1].isEmpty:
            throw OverlayError("missing file path for key name \"\(parts[0])\" in source \"\(source)\"")
        case 2:
            return (parts[0], try read(parts[1]))
        default:
            throw OverlayError("source \"\(source)\" key name or file path contains '='")
        }
    }

    private func envPairs(_ path: String) throws(OverlayError) -> [(String, [UInt8])] {
        let content = try read(path)
        var pairs: [(String, [UInt8])] = []
        for (number, rawLine) in content.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).enumerated() {
            var line = Array(rawLine)
            if number == 0, line.starts(with: [0xEF, 0xBB, 0xBF]) { line.removeFirst(3) }
            guard let text = String(validating: line, as: UTF8.self) else {
                throw OverlayError("line \(number) has invalid utf8 bytes")
            }
            let trimmed = text.drop(while: { $0.isWhitespace })
            if trimmed.isEmpty || trimmed.first == "#" { continue }
            let key: Substring
            let value: Substring
            if let equals = trimmed.firstIndex(of: "=") {
                key = trimmed[..<equals]
                value = trimmed[trimmed.index(after: equals)...]
            } else {
                key = trimmed
                value = ""
            }
            if key.isEmpty || key.contains(where: { $0.isWhitespace }) || key.first!.isNumber {
                throw OverlayError("\"\(key)\" is not a valid environment variable name")
            }
            pairs.append((String(key), Array(value.utf8)))
        }
        return pairs
    }

    /// Base64 as kustomize writes generated data: lines of 70 characters, each ending in a
    /// newline once there is more than one.
    static func wrappedBase64(_ bytes: [UInt8]) -> String {
        let encoded = Data(bytes).base64EncodedString()
        let lineLength = 70
        guard encoded.count >= lineLength else { return encoded }
        var lines: [Substring] = []
        var rest = Substring(encoded)
        while !rest.isEmpty {
            lines.append(rest.prefix(lineLength))
            rest = rest.dropFirst(lineLength)
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func validate(key: String) throws(OverlayError) {
        let valid = !key.isEmpty && key.count <= 253 && key != "." && key != ".."
            && key.unicodeScalars.allSatisfy { ("0"..."9").contains($0) || ("a"..."z").contains($0) || ("A"..."Z").contains($0) || "-._".unicodeScalars.contains($0) }
        if !valid {
            throw OverlayError("\"\(key)\" is not a valid key name for a ConfigMap")
        }
    }
}
