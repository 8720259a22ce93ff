import CapstanCore
import Foundation

/// JSON text that YAML parsers read back exactly: everything outside printable ASCII escaped
/// (`\u`, or `\U` beyond the BMP), so no raw NEL/LS/PS can fold a line.
enum YAMLFlowText {
    static func write(_ value: JSONValue) -> String {
        var out = ""
        append(value, to: &out)
        return out
    }

    static func append(_ value: JSONValue, to out: inout String) {
        switch value {
        case .object(let members):
            out += "{"
            for (position, key) in members.keys.sorted().enumerated() {
                if position > 0 { out += ", " }
                appendString(key, to: &out)
                out += ": "
                append(members[key]!, to: &out)
            }
            out += "}"
        case .array(let items):
            out += "["
            for (position, item) in items.enumerated() {
                if position > 0 { out += ", " }
                append(item, to: &out)
            }
            out += "]"
        case .string(let text): appendString(text, to: &out)
        default: out += value.serialized()
        }
    }

    static func appendString(_ text: String, to out: inout String) {
        out += "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case " "..."~": out.unicodeScalars.append(scalar)
            default:
                let hex = String(scalar.value, radix: 16, uppercase: true)
                if scalar.value > 0xFFFF {
                    out += "\\U" + String(repeating: "0", count: 8 - hex.count) + hex
                } else {
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                }
            }
        }
        out += "\""
    }
}
