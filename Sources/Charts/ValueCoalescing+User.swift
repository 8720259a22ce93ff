import CapstanCore
import Manifests
import Sandbox

extension ValueCoalescing {
    /// The user's values as `helm template` assembles them: inline values, then each values file in
    /// order, then `--set`, `--set-string`, `--set-json` and `--set-file` (paths in the tree).
    public static func userValues(values: [String: JSONValue] = [:], valuesFiles: [String] = [],
                                  set: [String] = [], setString: [String] = [], setJSON: [String] = [],
                                  setFile: [String] = [], in tree: SourceTree) throws -> [String: JSONValue] {
        var user = values
        for file in valuesFiles {
            user = merge(user, try Chart.yamlMap(tree, file))
        }
        for argument in setJSON { try SetParser.applyJSON(argument, to: &user) }
        for argument in set { try SetParser.apply(argument, to: &user) }
        for argument in setString { try SetParser.apply(argument, to: &user, asString: true) }
        for argument in setFile {
            guard let eq = argument.firstIndex(of: "=") else {
                throw ChartError("--set-file \(argument): expected key=path")
            }
            let text = String(decoding: try tree.read(String(argument[argument.index(after: eq)...])), as: UTF8.self)
            let key = String(argument[..<eq])
            let path = SetParser.splitUnescaped(key, ".", keepBraces: false).map(SetParser.unescape)
            try SetParser.set(&user, path[...], .string(text))
        }
        return user
    }
}

extension SetParser {
    /// Applies one `--set-json` argument (`key=<JSON>`) onto `values`.
    public static func applyJSON(_ argument: String, to values: inout [String: JSONValue]) throws {
        guard let eq = argument.firstIndex(of: "=") else {
            throw ChartError("failed parsing --set-json data: key \"\(argument)\" has no value")
        }
        let value: JSONValue
        do {
            value = try JSONValue.parse(String(argument[argument.index(after: eq)...]))
        } catch {
            throw ChartError("failed parsing --set-json data \(argument): not valid JSON")
        }
        let path = splitUnescaped(String(argument[..<eq]), ".", keepBraces: false).map(unescape)
        try set(&values, path[...], value)
    }
}

extension ValueCoalescing {
    /// Reads one values file's bytes as Helm does (`file` names it in errors); empty is `{}`.
    public static func valuesFile(_ bytes: [UInt8], file: String) throws -> [String: JSONValue] {
        try Chart.yamlMap(bytes, file: file)
    }
}
