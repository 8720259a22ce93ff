import CapstanCore
import Foundation
import YAML

/// One kubeconfig file read into its named clusters, users and contexts, paths made absolute.
struct KubeconfigFile {
    var path: String
    var currentContext: String?
    var clusters: [String: JSONValue] = [:]
    var users: [String: JSONValue] = [:]
    var contexts: [String: JSONValue] = [:]

    static func read(path: String) throws(KubeConfigError) -> KubeconfigFile {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw KubeConfigError(file: path, reason: "cannot read the file")
        }
        let root: JSONValue
        do {
            let documents = try YAMLParser.parse([UInt8](data), file: path)
            root = documents.first?.root.map(Self.json) ?? .object([:])
        } catch {
            throw KubeConfigError(file: path, reason: "not valid YAML: \(error)")
        }
        var file = KubeconfigFile(path: path, currentContext: root["current-context"]?.stringValue)
        if file.currentContext?.isEmpty == true { file.currentContext = nil }
        file.clusters = try named(root, "clusters", "cluster", path: path)
        file.users = try named(root, "users", "user", path: path)
        file.contexts = try named(root, "contexts", "context", path: path)
        return file
    }

    private static func named(
        _ root: JSONValue, _ list: String, _ field: String, path: String
    ) throws(KubeConfigError) -> [String: JSONValue] {
        var result: [String: JSONValue] = [:]
        for (position, entry) in (root[list]?.arrayValue ?? []).enumerated() {
            guard let name = entry["name"]?.stringValue else {
                throw KubeConfigError(file: path, reason: "\(list)[\(position)] has no name")
            }
            if result[name] == nil { result[name] = entry[field] ?? .object([:]) }
        }
        return result
    }

    /// Scalars stay strings: kubeconfig fields are strings or booleans, read by name later.
    static func json(_ node: YAMLNode) -> JSONValue {
        switch node {
        case .scalar(let scalar):
            if scalar.style == .plain, ["", "~", "null", "Null", "NULL"].contains(scalar.value) { return .null }
            return .string(scalar.value)
        case .sequence(let sequence):
            return .array(sequence.items.map(json))
        case .mapping(let mapping):
            var members: [String: JSONValue] = [:]
            for entry in mapping.entries {
                guard case .scalar(let key) = entry.key else { continue }
                members[key.value] = json(entry.value)
            }
            return .object(members)
        }
    }
}
