import CapstanCore
import Crypto

/// The content hash kustomize appends to generated names (`app-config-7f9b2c8t5k`).
///
/// It hashes the JSON of a few fields (kind, data, binaryData for ConfigMaps; kind, type, data,
/// stringData for Secrets) as Go's encoding/json writes them, then maps the first ten hex digits
/// onto a consonant-heavy alphabet so the suffix never spells words. The `name` field is always
/// empty: kustomize looks it up as one field called `metadata/name`, which never exists, and
/// matching its suffixes byte for byte means doing the same.
enum NameHash {
    static func suffix(for object: JSONValue) -> String {
        let text: String
        switch object["kind"]?.stringValue {
        case "ConfigMap":
            var fields: [String: JSONValue] = [
                "kind": "ConfigMap", "name": "",
                "data": object["data"] ?? "",
            ]
            if case .object? = object["binaryData"] { fields["binaryData"] = object["binaryData"] }
            text = GoJSON.marshal(.object(fields))
        case "Secret":
            var fields: [String: JSONValue] = [
                "kind": "Secret", "type": object["type"] ?? "", "name": "",
                "data": object["data"] ?? "",
            ]
            if case .object? = object["stringData"] { fields["stringData"] = object["stringData"] }
            text = GoJSON.marshal(.object(fields))
        default:
            text = GoJSON.marshal(object)
        }
        return encode(SHA256.hash(data: Array(text.utf8)).prefix(5).map { byte in
            let digits = Array("0123456789abcdef")
            return String([digits[Int(byte >> 4)], digits[Int(byte & 0x0F)]])
        }.joined())
    }

    private static func encode(_ hex: String) -> String {
        String(hex.map { character in
            switch character {
            case "0": "g"
            case "1": "h"
            case "3": "k"
            case "a": "m"
            case "e": "t"
            default: character
            }
        })
    }
}

/// JSON as Go's `json.Marshal` writes it: sorted keys, `<`, `>`, `&`, U+2028 and U+2029 escaped.
enum GoJSON {
    static func marshal(_ value: JSONValue) -> String {
        var output = ""
        write(value, to: &output)
        return output
    }

    private static func write(_ value: JSONValue, to output: inout String) {
        switch value {
        case .string(let text): writeString(text, to: &output)
        case .array(let items):
            output += "["
            for (index, item) in items.enumerated() {
                if index > 0 { output += "," }
                write(item, to: &output)
            }
            output += "]"
        case .object(let members):
            output += "{"
            for (index, key) in members.keys.sorted(by: JSONValue.utf8Less).enumerated() {
                if index > 0 { output += "," }
                writeString(key, to: &output)
                output += ":"
                write(members[key]!, to: &output)
            }
            output += "}"
        default: value.write(to: &output)
        }
    }

    private static func writeString(_ text: String, to output: inout String) {
        output += "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\n": output += "\\n"
            case "\r": output += "\\r"
            case "\t": output += "\\t"
            case "<", ">", "&", "\u{2028}", "\u{2029}":
                let hex = String(scalar.value, radix: 16)
                output += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    output += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    output.unicodeScalars.append(scalar)
                }
            }
        }
        output += "\""
    }
}
