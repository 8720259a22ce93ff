extension JSONValue {
    /// Compact JSON with object keys sorted by their UTF-8 bytes: the same value, the same bytes.
    ///
    /// With `escapingHTML`, `<`, `>`, `&`, U+2028 and U+2029 are written as `\u` escapes, as Go's
    /// `encoding/json` does by default (kustomize's name hashes depend on it).
    public func serialized(escapingHTML: Bool) -> String {
        var output = ""
        write(to: &output, escapingHTML: escapingHTML)
        return output
    }

    /// Compact, key-sorted JSON without HTML escaping.
    public func serialized() -> String { serialized(escapingHTML: false) }

    /// Appends the compact, key-sorted JSON form of this value to `output`.
    public func write(to output: inout String) { write(to: &output, escapingHTML: false) }

    /// Appends the compact, key-sorted JSON form of this value to `output`, optionally escaping
    /// HTML-sensitive characters as Go does.
    public func write(to output: inout String, escapingHTML: Bool) {
        switch self {
        case .null: output += "null"
        case .bool(let value): output += value ? "true" : "false"
        case .int(let value): output += String(value)
        case .double(let value): output += Self.format(value)
        case .string(let value): Self.writeString(value, to: &output, escapingHTML: escapingHTML)
        case .array(let elements):
            output += "["
            for (position, element) in elements.enumerated() {
                if position > 0 { output += "," }
                element.write(to: &output, escapingHTML: escapingHTML)
            }
            output += "]"
        case .object(let members):
            output += "{"
            for (position, key) in members.keys.sorted(by: Self.utf8Less).enumerated() {
                if position > 0 { output += "," }
                Self.writeString(key, to: &output, escapingHTML: escapingHTML)
                output += ":"
                members[key]!.write(to: &output, escapingHTML: escapingHTML)
            }
            output += "}"
        }
    }

    /// Orders strings by their UTF-8 bytes, as Go's `sort.Strings` does; compared on contiguous
    /// bytes when the strings have them (sorting keys and paths showed the generic UTF8View
    /// iteration in profiles).
    public static func utf8Less(_ lhs: String, _ rhs: String) -> Bool {
        let verdict = lhs.utf8.withContiguousStorageIfAvailable { a in
            rhs.utf8.withContiguousStorageIfAvailable { b in
                let count = min(a.count, b.count)
                var index = 0
                while index < count {
                    if a[index] != b[index] { return a[index] < b[index] }
                    index += 1
                }
                return a.count < b.count
            }
        }
        if let verdict, let verdict { return verdict }
        return lhs.utf8.lexicographicallyPrecedes(rhs.utf8)
    }

    static func format(_ value: Double) -> String {
        guard value.isFinite else { return "null" }
        if value.rounded() == value, abs(value) < 1e15 { return String(Int64(value)) }
        return "\(value)"
    }

    static func writeString(_ value: String, to output: inout String, escapingHTML: Bool = false) {
        output += "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "<" where escapingHTML, ">" where escapingHTML, "&" where escapingHTML,
                "\u{2028}" where escapingHTML, "\u{2029}" where escapingHTML:
                let hex = String(scalar.value, radix: 16)
                output += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\n": output += "\\n"
            case "\r": output += "\\r"
            case "\t": output += "\\t"
            case "\u{08}": output += "\\b"
            case "\u{0C}": output += "\\f"
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
