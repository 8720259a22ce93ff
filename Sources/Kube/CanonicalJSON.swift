import CapstanCore

/// The bytes of `JSONValue.serialized()` (compact, keys sorted by UTF-8), written straight into a
/// byte buffer: request bodies and the applier's content hashes are on the path of every reconcile.
public enum CanonicalJSON {
    public static func bytes(of value: JSONValue) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(1024)
        write(value, to: &output)
        return output
    }

    public static func write(_ value: JSONValue, to output: inout [UInt8]) {
        switch value {
        case .null: output.append(contentsOf: "null".utf8)
        case .bool(let flag): output.append(contentsOf: (flag ? "true" : "false").utf8)
        case .int(let number): output.append(contentsOf: String(number).utf8)
        case .double: output.append(contentsOf: value.serialized().utf8)
        case .string(let text): writeString(text, to: &output)
        case .array(let elements):
            output.append(UInt8(ascii: "["))
            for (position, element) in elements.enumerated() {
                if position > 0 { output.append(UInt8(ascii: ",")) }
                write(element, to: &output)
            }
            output.append(UInt8(ascii: "]"))
        case .object(let members):
            output.append(UInt8(ascii: "{"))
            var first = true
            for key in members.keys.sorted(by: JSONValue.utf8Less) {
                if !first { output.append(UInt8(ascii: ",")) }
                first = false
                writeString(key, to: &output)
                output.append(UInt8(ascii: ":"))
                write(members[key]!, to: &output)
            }
            output.append(UInt8(ascii: "}"))
        }
    }

    /// A JSON string with the escapes `JSONValue.serialized()` writes: `\"`, `\\`, `\n`, `\r`, `\t`,
    /// `\b`, `\f`, other control characters as `\u00xx`; everything else (`<`, `>`, `&` too: no HTML
    /// escaping) as its UTF-8 bytes.
    public static func writeString(_ text: String, to output: inout [UInt8]) {
        output.append(UInt8(ascii: "\""))
        var text = text
        text.withUTF8 { bytes in
            if !bytes.contains(where: needsEscape) {
                output.append(contentsOf: bytes)
                return
            }
            let text = String(decoding: bytes, as: UTF8.self)
            for scalar in text.unicodeScalars {
                switch scalar {
                case "\"": output.append(contentsOf: #"\""#.utf8)
                case "\\": output.append(contentsOf: #"\\"#.utf8)
                case "\n": output.append(contentsOf: #"\n"#.utf8)
                case "\r": output.append(contentsOf: #"\r"#.utf8)
                case "\t": output.append(contentsOf: #"\t"#.utf8)
                case "\u{08}": output.append(contentsOf: #"\b"#.utf8)
                case "\u{0C}": output.append(contentsOf: #"\f"#.utf8)
                default:
                    if scalar.value < 0x20 {
                        let hex = String(scalar.value, radix: 16)
                        output.append(contentsOf: ("\\u" + String(repeating: "0", count: 4 - hex.count) + hex).utf8)
                    } else {
                        output.append(contentsOf: String(scalar).utf8)
                    }
                }
            }
        }
        output.append(UInt8(ascii: "\""))
    }

    /// Bytes that start an escape: control characters, `"` and `\`.
    static func needsEscape(_ byte: UInt8) -> Bool {
        byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\")
    }
}
