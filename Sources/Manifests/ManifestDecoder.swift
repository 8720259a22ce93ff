import CapstanCore
import YAML

/// Reads YAML manifests into JSON values with the semantics of the Kubernetes tools that will
/// read the same files: kustomize (yaml.v3 scalar rules) or Helm/`sigs.k8s.io/yaml` (yaml.v2 rules).
public struct ManifestDecoder: Sendable {
    /// Whose reading of plain scalars, merge keys and numbers to follow.
    public enum Semantics: Sendable {
        /// kustomize v5 (kyaml on yaml.v3): only `true`/`false` are booleans (`yes`, `on` stay
        /// strings), `0x1F`/`0o17`/`017` are integers, timestamps become RFC 3339 strings, keys
        /// written before or after `<<` always win over merged ones.
        case kustomize
        /// Helm values and `fromYaml` (`sigs.k8s.io/yaml` on yaml.v2, then `encoding/json`): YAML 1.1
        /// booleans (`yes`, `on`, `y`), every number a float64 (`.double`), timestamps left as written,
        /// `<<` merged where it stands (later keys win).
        case helm
    }

    public var semantics: Semantics
    public var limits: YAMLLimits

    public init(semantics: Semantics = .kustomize, limits: YAMLLimits = .default) {
        self.semantics = semantics
        self.limits = limits
    }

    /// The Kubernetes objects of a manifest file as kustomize reads it: empty, null, `{}` and `[]`
    /// documents dropped, any other non-mapping document refused with its file and line.
    public static func decode(_ bytes: [UInt8], file: String) throws -> [JSONValue] {
        try ManifestDecoder().decode(bytes, file: file)
    }

    /// The mapping documents of `bytes`; a document that is not a mapping is an error.
    public func decode(_ bytes: [UInt8], file: String) throws(ManifestDecodeError) -> [JSONValue] {
        var objects: [JSONValue] = []
        for document in try documents(bytes, file: file) {
            guard let root = document.root else { continue }
            let value = try convert(root, file: file, topLevel: true)
            switch value {
            // kustomize drops null, `{}` and `[]` documents (kyaml's IsNilOrEmpty).
            case .null, .object([:]), .array([]): continue
            case .object: objects.append(value)
            default:
                throw ManifestDecodeError(
                    file: file, line: root.mark.line, column: root.mark.column,
                    reason: "document is a \(value.kindName), not a mapping: a Kubernetes object must be a mapping with apiVersion, kind and metadata")
            }
        }
        return objects
    }

    /// Every document of `bytes` as a JSON value of any kind (nil roots become `.null`).
    public func decodeValues(_ bytes: [UInt8], file: String) throws(ManifestDecodeError) -> [JSONValue] {
        var values: [JSONValue] = []
        for document in try documents(bytes, file: file) {
            guard let root = document.root else {
                values.append(.null)
                continue
            }
            values.append(try convert(root, file: file, topLevel: true))
        }
        return values
    }

    func documents(_ bytes: [UInt8], file: String) throws(ManifestDecodeError) -> [YAMLDocument] {
        do {
            return try YAMLParser.parse(bytes, file: file, limits: limits)
        } catch {
            throw ManifestDecodeError(file: error.file, line: error.line, column: error.column, reason: error.reason)
        }
    }
}

extension JSONValue {
    /// A word for the kind of value, for error messages.
    var kindName: String {
        switch self {
        case .null: "null"
        case .bool: "boolean"
        case .int, .double: "number"
        case .string: "string"
        case .array: "sequence"
        case .object: "mapping"
        }
    }
}
