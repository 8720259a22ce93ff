import CapstanCore

/// encoding/json as Sprig and Helm call it: Marshal/MarshalIndent of template values, Unmarshal into interface{}.
enum GoJSON {
    static func encode(_ v: Value, escapeHTML: Bool, indent: String? = nil) throws(FunctionError) -> String {
        var out = ""
        try write(v, &out, escapeHTML: escapeHTML, indent: indent, level: 0)
        return out
    }

    static func write(_ v: Value, _ out: inout String, escapeHTML: Bool, indent: String?, level: Int) throws(FunctionError) {
        switch v {
        case .missing, .null: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        case .int(let i, let kind): out += kind.isUnsigned ? String(UInt64(bitPattern: i)) : String(i)
        case .float(let d): out += try float(d)
        case .complex: throw FunctionError("json: unsupported type: complex128")
        case .function: throw FunctionError("json: unsupported type: func()")
        case .string(let s): quote(s, &out, escapeHTML: escapeHTML)
        case .object(let o): quote(o.stringForm ?? "", &out, escapeHTML: escapeHTML)
        case .list(let l):
            if l.elem == "uint8" {
                let bytes = l.items.map { UInt8(truncatingIfNeeded: Convert.toInt64($0)) }
                quote(SprigEncoding.base64(bytes), &out, escapeHTML: escapeHTML)
                return
            }
            if l.items.isEmpty {
                out += "[]"
                return
            }
            out += "["
            for (n, item) in l.items.enumerated() {
                if n > 0 { out += "," }
                newline(&out, indent, level + 1)
                try write(item, &out, escapeHTML: escapeHTML, indent: indent, level: level + 1)
            }
            newline(&out, indent, level)
            out += "]"
        case .map(let m):
            if m.entries.isEmpty {
                out += "{}"
                return
            }
            out += "{"
            for (n, key) in m.sortedKeys.enumerated() {
                if n > 0 { out += "," }
                newline(&out, indent, level + 1)
                quote(key, &out, escapeHTML: escapeHTML)
                out += indent == nil ? ":" : ": "
                try write(m.entries[key]!, &out, escapeHTML: escapeHTML, indent: indent, level: level + 1)
            }
            newline(&out, indent, level)
            out += "}"
        }
    }

    static func newline(_ out: inout String, _ indent: String?, _ level: Int) {
        guard let indent else { return }
        out += "\n" + String(repeating: indent, count: level)
    }

    static func float(_ d: Double) throws(FunctionError) -> String {
        guard d.isFinite else { throw FunctionError("json: unsupported value: \(GoFloat.formatV(d))") }
        let a = abs(d)
        if a != 0 && (a < 1e-6 || a >= 1e21) {
            var text = GoFloat.format(d, "e", -1)
            if let range = text.range(of: "e-0") { text.replaceSubrange(range, with: "e-") }
            return text
        }
        return GoFloat.format(d, "f", -1)
    }

    static func quote(_ s: String, _ out: inout String, escapeHTML: Bool) {
        out += "\""
        let hex = Array("0123456789abcdef")
        for r in s.unicodeScalars {
            switch r {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "<" where escapeHTML, ">" where escapeHTML, "&" where escapeHTML:
                out += "\\u00" + String(hex[Int(r.value >> 4)]) + String(hex[Int(r.value & 15)])
            case "\u{2028}": out += "\\u2028"
            case "\u{2029}": out += "\\u2029"
            default:
                if r.value < 0x20 {
                    out += "\\u00" + String(hex[Int(r.value >> 4)]) + String(hex[Int(r.value & 15)])
                } else {
                    out.unicodeScalars.append(r)
                }
            }
        }
        out += "\""
    }

    /// json.Unmarshal into interface{}: every number becomes float64.
    static func decode(_ text: String) throws(FunctionError) -> Value {
        if let message = GoJSONSyntax.check(text) { throw FunctionError(message) }
        do {
            return Value.from(try JSONValue.parse(text), numbers: .float64)
        } catch {
            throw FunctionError("invalid character looking for beginning of value (\(error.reason))")
        }
    }
}
