import CapstanCore
import Manifests

/// yaml.v3 with two-space indent (Helm's toYamlPretty): like toYaml, but list items indented under their key.
enum YAMLPretty {
    static func write(_ value: JSONValue) -> String {
        var out = ""
        emit(value, indent: 0, out: &out, inline: false)
        return out
    }

    static func scalar(_ value: JSONValue) -> String {
        var text = YAMLWriter.write(value)
        if text.hasSuffix("\n") { text.removeLast() }
        return text
    }

    static func isCollection(_ v: JSONValue) -> Bool {
        switch v {
        case .array(let a): return !a.isEmpty
        case .object(let o): return !o.isEmpty
        default: return false
        }
    }

    static func appendScalar(_ v: JSONValue, indent: Int, out: inout String) {
        let lines = scalar(v).split(separator: "\n", omittingEmptySubsequences: false)
        out += lines[0]
        for line in lines.dropFirst() { out += "\n" + String(repeating: " ", count: indent) + line }
        out += "\n"
    }

    static func emit(_ value: JSONValue, indent: Int, out: inout String, inline: Bool) {
        let pad = String(repeating: " ", count: indent)
        switch value {
        case .object(let members) where !members.isEmpty:
            for (n, key) in members.keys.sorted(by: goLess).enumerated() {
                if n > 0 || !inline { out += pad }
                out += scalar(.string(key)) + ":"
                let v = members[key]!
                if isCollection(v) {
                    out += "\n"
                    emit(v, indent: indent + 2, out: &out, inline: false)
                } else {
                    out += " "
                    appendScalar(v, indent: indent + 2, out: &out)
                }
            }
        case .array(let items) where !items.isEmpty:
            for (n, item) in items.enumerated() {
                if n > 0 || !inline { out += pad }
                out += "- "
                if isCollection(item) {
                    emit(item, indent: indent + 2, out: &out, inline: true)
                } else {
                    appendScalar(item, indent: indent + 2, out: &out)
                }
            }
        default:
            if !inline { out += pad }
            appendScalar(value, indent: indent, out: &out)
        }
    }
}
