import Foundation

/// Go's strconv number parsing, as the template parser uses it for literals.
enum GoStrconv {
    static func underscoreOK(_ text: Substring) -> Bool {
        var s = text.utf8[...]
        var saw: UInt8 = UInt8(ascii: "^")
        if let first = s.first, first == UInt8(ascii: "-") || first == UInt8(ascii: "+") { s = s.dropFirst() }
        var hex = false
        let bytes = Array(s)
        var i = 0
        if bytes.count >= 2 && bytes[0] == UInt8(ascii: "0") {
            let c = bytes[1] | 0x20
            if c == UInt8(ascii: "b") || c == UInt8(ascii: "o") || c == UInt8(ascii: "x") {
                i = 2
                saw = UInt8(ascii: "0")
                hex = c == UInt8(ascii: "x")
            }
        }
        while i < bytes.count {
            let c = bytes[i]
            let lower = c | 0x20
            if (c >= 0x30 && c <= 0x39) || (hex && lower >= UInt8(ascii: "a") && lower <= UInt8(ascii: "f")) {
                saw = UInt8(ascii: "0")
            } else if c == UInt8(ascii: "_") {
                if saw != UInt8(ascii: "0") { return false }
                saw = c
            } else {
                if saw == UInt8(ascii: "_") { return false }
                saw = UInt8(ascii: "!")
            }
            i += 1
        }
        return saw != UInt8(ascii: "_")
    }

    /// strconv.ParseUint(s, 0, 64) magnitude parsing; `negative` tells whether a '-' sign was present.
    static func parseBase0(_ text: String) -> (negative: Bool, magnitude: UInt64)? {
        var s = Substring(text)
        var negative = false
        if s.hasPrefix("+") { s = s.dropFirst() } else if s.hasPrefix("-") { negative = true; s = s.dropFirst() }
        guard !s.isEmpty else { return nil }
        var base: UInt64 = 10
        var digits = s
        var underscores = false
        if s.hasPrefix("0") && s.count > 1 {
            let second = s[s.index(after: s.startIndex)].lowercased()
            switch second {
            case "x": base = 16; digits = s.dropFirst(2)
            case "o": base = 8; digits = s.dropFirst(2)
            case "b": base = 2; digits = s.dropFirst(2)
            default: base = 8; digits = s.dropFirst(1)
            }
            underscores = true
        }
        var value: UInt64 = 0
        var sawDigit = false
        for c in digits.utf8 {
            if c == UInt8(ascii: "_") {
                underscores = true
                continue
            }
            guard let d = hexDigit(c), d < base else { return nil }
            let (m, o1) = value.multipliedReportingOverflow(by: base)
            let (a, o2) = m.addingReportingOverflow(d)
            if o1 || o2 { return nil }
            value = a
            sawDigit = true
        }
        if !sawDigit && base != 8 { return nil }
        if underscores && !underscoreOK(Substring(text)) { return nil }
        return (negative, value)
    }

    static func hexDigit(_ c: UInt8) -> UInt64? {
        switch c {
        case 0x30...0x39: return UInt64(c - 0x30)
        case 0x61...0x66: return UInt64(c - 0x61 + 10)
        case 0x41...0x46: return UInt64(c - 0x41 + 10)
        default: return nil
        }
    }

    static func parseUint(_ text: String) -> UInt64? {
        guard let (negative, magnitude) = parseBase0(text), !negative, !text.hasPrefix("+") || true else { return nil }
        return magnitude
    }

    static func parseInt(_ text: String) -> Int64? {
        guard let (negative, magnitude) = parseBase0(text) else { return nil }
        if negative {
            if magnitude > UInt64(Int64.max) + 1 { return nil }
            return magnitude == UInt64(Int64.max) + 1 ? Int64.min : -Int64(magnitude)
        }
        if magnitude > UInt64(Int64.max) { return nil }
        return Int64(magnitude)
    }

    /// strconv.ParseFloat(s, 64) for the syntax the lexer produces (decimal and hex floats, underscores).
    static func parseFloat(_ text: String) -> Double? {
        guard !text.isEmpty else { return nil }
        var body = text
        if body.contains("_") {
            guard underscoreOK(Substring(text)) else { return nil }
            body = body.replacingOccurrences(of: "_", with: "")
        }
        let lower = body.lowercased()
        let unsigned = lower.hasPrefix("-") || lower.hasPrefix("+") ? String(lower.dropFirst()) : lower
        if unsigned.hasPrefix("0x") {
            guard unsigned.contains("p") else { return nil }
        } else {
            for c in unsigned.utf8 where !(c >= 0x30 && c <= 0x39) && c != UInt8(ascii: ".") && c != UInt8(ascii: "e")
                && c != UInt8(ascii: "+") && c != UInt8(ascii: "-")
            {
                return nil
            }
            guard unsigned.utf8.contains(where: { $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
        }
        guard let value = Double(body), value.isFinite else { return nil }
        return value
    }
}


extension GoStrconv {
    /// strconv.Atoi: optional sign and decimal digits only.
    static func parseDecimal(_ s: String) -> Int64? {
        var body = Substring(s)
        var negative = false
        if body.hasPrefix("+") || body.hasPrefix("-") {
            negative = body.hasPrefix("-")
            body = body.dropFirst()
        }
        guard !body.isEmpty, body.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }), let v = Int64(body) else { return nil }
        return negative ? -v : v
    }
}
