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
            text = JSONValue.object(fields).serialized(escapingHTML: true)
        case "Secret":
            var fields: [String: JSONValue] = [
                "kind": "Secret", "type": object["type"] ?? "", "name": "",
                "data": object["data"] ?? "",
            ]
            if case .object? = object["stringData"] { fields["stringData"] = object["stringData"] }
            text = JSONValue.object(fields).serialized(escapingHTML: true)
        default:
            text = object.serialized(escapingHTML: true)
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
