/// The escapers behind `html`, `js` and `urlquery`.
enum Escaping {
    static func html(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for r in s.unicodeScalars {
            switch r {
            case "\"": out += "&#34;"
            case "'": out += "&#39;"
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\0": out += "\u{FFFD}"
            default: out.unicodeScalars.append(r)
            }
        }
        return out
    }

    static func js(_ s: String) -> String {
        var out = ""
        let hex = Array("0123456789ABCDEF")
        for r in s.unicodeScalars {
            switch r {
            case "\\": out += "\\\\"
            case "'": out += "\\'"
            case "\"": out += "\\\""
            case "<": out += "\\u003C"
            case ">": out += "\\u003E"
            case "&": out += "\\u0026"
            case "=": out += "\\u003D"
            default:
                if r.value < 0x20 {
                    out += "\\u00"
                    out.append(hex[Int(r.value >> 4)])
                    out.append(hex[Int(r.value & 15)])
                } else if r.value >= 0x80 && !GoQuote.isPrint(r) {
                    out += "\\u" + GoQuote.pad(String(r.value, radix: 16, uppercase: true), 4)
                } else {
                    out.unicodeScalars.append(r)
                }
            }
        }
        return out
    }

    /// url.QueryEscape.
    static func queryEscape(_ s: String) -> String {
        var out = ""
        let hex = Array("0123456789ABCDEF")
        for b in s.utf8 {
            switch b {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."),
                UInt8(ascii: "~"):
                out.unicodeScalars.append(Unicode.Scalar(b))
            case UInt8(ascii: " "):
                out += "+"
            default:
                out += "%"
                out.append(hex[Int(b >> 4)])
                out.append(hex[Int(b & 15)])
            }
        }
        return out
    }
}
