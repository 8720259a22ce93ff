import CapstanCore

/// Writes an event header straight to UTF-8 bytes, keys sorted as `JSONValue.serialized()` sorts
/// them, so the same header gives the same bytes; plain ASCII strings (digests, names, epochs)
/// are copied whole instead of escaped scalar by scalar. Publishing is dominated by this.
enum HeaderEncoder {
    static func encode(_ fields: [String: JSONValue], adding extra: KeyValuePairs<String, JSONValue> = [:]) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(64 + fields.count * 48)
        output.append(UInt8(ascii: "{"))
        var members = extra.map { ($0.key, $0.value) }
        for (key, value) in fields where !extra.contains(where: { $0.key == key }) { members.append((key, value)) }
        members.sort { JSONValue.utf8Less($0.0, $1.0) }
        for (position, member) in members.enumerated() {
            if position > 0 { output.append(UInt8(ascii: ",")) }
            writeString(member.0, to: &output)
            output.append(UInt8(ascii: ":"))
            writeValue(member.1, to: &output)
        }
        output.append(UInt8(ascii: "}"))
        return output
    }

    private static func writeValue(_ value: JSONValue, to output: inout [UInt8]) {
        switch value {
        case .string(let text): writeString(text, to: &output)
        case .int(let number): output.append(contentsOf: String(number).utf8)
        case .bool(let flag): output.append(contentsOf: (flag ? "true" : "false").utf8)
        case .null: output.append(contentsOf: "null".utf8)
        default: output.append(contentsOf: value.serialized().utf8)
        }
    }

    private static func writeString(_ text: String, to output: inout [UInt8]) {
        let plain = text.utf8.allSatisfy { $0 >= 0x20 && $0 < 0x7F && $0 != UInt8(ascii: "\"") && $0 != UInt8(ascii: "\\") }
        if plain {
            output.append(UInt8(ascii: "\""))
            output.append(contentsOf: text.utf8)
            output.append(UInt8(ascii: "\""))
        } else {
            output.append(contentsOf: JSONValue.string(text).serialized().utf8)
        }
    }
}
