/// The Kubernetes protobuf messages the emulator can read, by field number: enough to turn the bodies of
/// kubectl's typed commands (`kubectl create configmap|secret|deployment|...`) into JSON objects.
struct ProtobufSchema: Sendable {
    /// What one field holds on the wire and in JSON.
    indirect enum FieldType: Sendable {
        case string, bytes, bool, signed, unsigned, double, float
        case message(String)
        case map(key: FieldType, value: FieldType)
    }

    struct Field: Sendable {
        var name: String
        var type: FieldType
        var repeated: Bool
    }

    /// Fields by number, per message (`core.v1.ConfigMap`, `meta.v1.ObjectMeta`, …).
    let messages: [String: [Int: Field]]

    static let shared = ProtobufSchema(table: table)

    init(table: String) {
        var messages: [String: [Int: Field]] = [:]
        for line in table.split(separator: "\n") {
            let words = line.split(separator: " ")
            guard let name = words.first else { continue }
            var fields: [Int: Field] = [:]
            for word in words.dropFirst() {
                let parts = word.split(separator: ":", maxSplits: 2)
                guard parts.count == 3, let number = Int(parts[0]) else { continue }
                let repeated = parts[2].hasPrefix("*")
                fields[number] = Field(name: String(parts[1]), type: Self.type(parts[2].drop { $0 == "*" }), repeated: repeated)
            }
            messages[String(name)] = fields
        }
        self.messages = messages
    }

    private static func type(_ code: Substring) -> FieldType {
        if code.hasPrefix("{"), let comma = code.firstIndex(of: ",") {
            return .map(key: type(code[code.index(after: code.startIndex)..<comma]),
                        value: type(code[code.index(after: comma)...].dropLast()))
        }
        switch code {
        case "s": return .string
        case "y": return .bytes
        case "b": return .bool
        case "i": return .signed
        case "u": return .unsigned
        case "d": return .double
        case "f": return .float
        default: return .message(String(code.dropFirst()))
        }
    }

    /// The message of a kind served at `apiVersion` (`apps/v1` → `apps.v1.Deployment`).
    static func messageName(apiVersion: String, kind: String) -> String {
        let parts = apiVersion.split(separator: "/")
        let version = parts.last.map(String.init) ?? ""
        let group = parts.count > 1 ? String(parts[0].split(separator: ".")[0]) : "core"
        return "\(group).\(version).\(kind)"
    }
}
