import Foundation
import YAML

/// Helm's fromYaml/fromYamlArray: go-yaml v2 (YAML 1.1) resolution, then JSON, so numbers become float64.
enum HelmYAML {
    static func parse(_ text: String) -> Result<Value, FunctionError> {
        let documents: [YAMLDocument]
        do {
            documents = try YAMLParser.parse(Array(text.utf8), file: "fromYaml")
        } catch {
            var reason = error.reason
            if let context = reason.range(of: " (") { reason = String(reason[..<context.lowerBound]) }
            return .failure(FunctionError("error converting YAML to JSON: yaml: line \(max(error.line - 1, 1)): \(reason)"))
        }
        guard let root = documents.first?.root else { return .success(.null) }
        return .success(value(root))
    }

    static func fromYAML(_ text: String) -> Value {
        switch parse(text) {
        case .failure(let error): return .map(MapValue(["Error": .string(error.message)]))
        case .success(.null), .success(.missing): return .map(MapValue([:]))
        case .success(let v):
            guard case .map = v else {
                return .map(MapValue(["Error": .string("error unmarshaling JSON: while decoding JSON: json: cannot unmarshal \(HelmFunctions.jsonKind(v)) into Go value of type map[string]interface {}")]))
            }
            return v
        }
    }

    static func fromYAMLArray(_ text: String) -> Value {
        switch parse(text) {
        case .failure(let error): return Convert.list([.string(error.message)])
        case .success(.null), .success(.missing): return Convert.list([])
        case .success(let v):
            guard case .list = v else {
                return Convert.list([.string("error unmarshaling JSON: while decoding JSON: json: cannot unmarshal \(HelmFunctions.jsonKind(v)) into Go value of type []interface {}")])
            }
            return v
        }
    }

    static func value(_ node: YAMLNode) -> Value {
        switch node {
        case .scalar(let scalar): return resolve(scalar)
        case .sequence(let seq): return Convert.list(seq.items.map(value))
        case .mapping(let map):
            var entries: [String: Value] = [:]
            for entry in map.entries {
                let key: String
                switch value(entry.key) {
                case .string(let s): key = s
                case .null, .missing: key = "null"
                case let other: key = GoFormatter.print(other)
                }
                entries[key] = value(entry.value)
            }
            return .map(MapValue(entries))
        }
    }

    static func resolve(_ scalar: YAMLScalar) -> Value {
        let text = scalar.value
        if let tag = scalar.tag, tag.hasSuffix(":str") || tag == "!!str" { return .string(text) }
        guard scalar.style == .plain else { return .string(text) }
        switch text {
        case "", "~", "null", "Null", "NULL": return .null
        case "y", "Y", "yes", "Yes", "YES", "true", "True", "TRUE", "on", "On", "ON": return .bool(true)
        case "n", "N", "no", "No", "NO", "false", "False", "FALSE", "off", "Off", "OFF": return .bool(false)
        case ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF": return .float(.infinity)
        case "-.inf", "-.Inf", "-.INF": return .float(-.infinity)
        case ".nan", ".NaN", ".NAN": return .float(.nan)
        default: break
        }
        let plain = text.replacingOccurrences(of: "_", with: "")
        if let i = yamlInt(plain) { return .float(Double(i)) }
        if plain.contains(where: { $0 == "." || $0 == "e" || $0 == "E" }), let d = Double(plain),
            plain.first.map({ $0.isNumber || $0 == "-" || $0 == "+" || $0 == "." }) == true
        {
            return .float(d)
        }
        return .string(text)
    }

    static func yamlInt(_ s: String) -> Int64? {
        var body = Substring(s)
        var negative = false
        if body.hasPrefix("-") || body.hasPrefix("+") {
            negative = body.hasPrefix("-")
            body = body.dropFirst()
        }
        guard !body.isEmpty else { return nil }
        var value: Int64?
        if body.hasPrefix("0b") { value = Int64(body.dropFirst(2), radix: 2) }
        else if body.hasPrefix("0x") { value = Int64(body.dropFirst(2), radix: 16) }
        else if body.hasPrefix("0") && body.count > 1 { value = Int64(body.dropFirst(), radix: 8) }
        else if body.allSatisfy({ $0.isASCII && $0.isNumber }) { value = Int64(body) }
        guard let value else { return nil }
        return negative ? -value : value
    }
}
