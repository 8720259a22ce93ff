/// Go's strconv quoting and unquoting, used for literals, `%q` and error messages.
enum GoQuote {
    static func isPrint(_ r: Unicode.Scalar) -> Bool {
        if r.isASCII { return r.value >= 0x20 && r.value < 0x7F }
        switch r.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
            .nonspacingMark, .spacingMark, .enclosingMark, .decimalNumber, .letterNumber, .otherNumber,
            .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation, .initialPunctuation,
            .finalPunctuation, .otherPunctuation, .mathSymbol, .currencySymbol, .modifierSymbol, .otherSymbol:
            return true
        default:
            return false
        }
    }

    static func quote(_ s: String, quote q: Character = "\"", asciiOnly: Bool = false) -> String {
        // Fast path: printable ASCII needing no escapes.
        var contiguous = s
        if q == "\"", contiguous.withUTF8({ $0.allSatisfy { $0 >= 0x20 && $0 < 0x7F && $0 != 0x22 && $0 != 0x5C } }) {
            return "\"" + s + "\""
        }
        var out = String(q)
        for r in s.unicodeScalars { appendEscaped(r, quote: q, asciiOnly: asciiOnly, to: &out) }
        out.append(q)
        return out
    }

    /// Quotes raw bytes, escaping invalid UTF-8 as `\x..` as Go does.
    static func quote(bytes: [UInt8], asciiOnly: Bool = false) -> String {
        var out = "\""
        var i = 0
        while i < bytes.count {
            let (scalar, width) = UTF8Decoding.decode(bytes, at: i)
            if let scalar, !(scalar.value == 0xFFFD && width == 1 && bytes[i] >= 0x80) {
                appendEscaped(scalar, quote: "\"", asciiOnly: asciiOnly, to: &out)
            } else {
                out += "\\x" + hex2(bytes[i])
            }
            i += width
        }
        return out + "\""
    }

    static func hex2(_ b: UInt8) -> String {
        let digits = Array("0123456789abcdef")
        return String([digits[Int(b >> 4)], digits[Int(b & 15)]])
    }

    static func appendEscaped(_ r: Unicode.Scalar, quote q: Character, asciiOnly: Bool, to out: inout String) {
        if Character(r) == q || r == "\\" {
            out.append("\\")
            out.unicodeScalars.append(r)
            return
        }
        if asciiOnly {
            if r.isASCII && isPrint(r) {
                out.unicodeScalars.append(r)
                return
            }
        } else if isPrint(r) {
            out.unicodeScalars.append(r)
            return
        }
        switch r {
        case "\u{07}": out += "\\a"
        case "\u{08}": out += "\\b"
        case "\u{0C}": out += "\\f"
        case "\n": out += "\\n"
        case "\r": out += "\\r"
        case "\t": out += "\\t"
        case "\u{0B}": out += "\\v"
        default:
            if r.value < 0x20 || r.value == 0x7F {
                out += "\\x" + hex2(UInt8(r.value))
            } else if r.value < 0x10000 {
                out += "\\u" + pad(String(r.value, radix: 16), 4)
            } else {
                out += "\\U" + pad(String(r.value, radix: 16), 8)
            }
        }
    }

    static func pad(_ s: String, _ width: Int) -> String {
        s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
    }

    /// `%#U` of a rune: `U+0029 ')'`.
    static func runeDescription(_ r: Unicode.Scalar) -> String {
        let code = "U+" + pad(String(r.value, radix: 16, uppercase: true), 4)
        return isPrint(r) ? "\(code) '\(Character(r))'" : code
    }

    struct SyntaxError: Error {}

    /// strconv.Unquote for "…", `…` and '…'.
    static func unquote(_ text: String) throws(SyntaxError) -> String {
        let bytes = Array(text.utf8)
        guard bytes.count >= 2, let first = bytes.first, first == bytes.last else { throw SyntaxError() }
        let body = Array(bytes[1..<(bytes.count - 1)])
        if first == UInt8(ascii: "`") {
            if body.contains(UInt8(ascii: "`")) { throw SyntaxError() }
            return String(decoding: body.filter { $0 != 0x0D }, as: UTF8.self)
        }
        guard first == UInt8(ascii: "\"") || first == UInt8(ascii: "'") else { throw SyntaxError() }
        var out: [UInt8] = []
        var i = 0
        var runes = 0
        while i < body.count {
            let (value, isByte, next) = try unquoteChar(body, at: i, quote: first)
            if isByte { out.append(UInt8(value)) } else { appendUTF8(value, to: &out) }
            i = next
            runes += 1
        }
        if first == UInt8(ascii: "'") && runes != 1 { throw SyntaxError() }
        return String(decoding: out, as: UTF8.self)
    }

    static func appendUTF8(_ value: UInt32, to out: inout [UInt8]) {
        let scalar = Unicode.Scalar(value) ?? "\u{FFFD}"
        out.append(contentsOf: Array(String(Character(scalar)).utf8))
    }

    /// strconv.UnquoteChar: one possibly escaped character; returns (value, isRawByte, nextIndex).
    static func unquoteChar(_ s: [UInt8], at index: Int, quote: UInt8) throws(SyntaxError) -> (UInt32, Bool, Int) {
        let c = s[index]
        if c == quote && (quote == UInt8(ascii: "'") || quote == UInt8(ascii: "\"")) { throw SyntaxError() }
        if c >= 0x80 {
            let (scalar, width) = UTF8Decoding.decode(s, at: index)
            return (scalar?.value ?? 0xFFFD, false, index + width)
        }
        if c != UInt8(ascii: "\\") { return (UInt32(c), false, index + 1) }
        guard index + 1 < s.count else { throw SyntaxError() }
        let e = s[index + 1]
        var i = index + 2
        switch e {
        case UInt8(ascii: "a"): return (7, false, i)
        case UInt8(ascii: "b"): return (8, false, i)
        case UInt8(ascii: "f"): return (12, false, i)
        case UInt8(ascii: "n"): return (10, false, i)
        case UInt8(ascii: "r"): return (13, false, i)
        case UInt8(ascii: "t"): return (9, false, i)
        case UInt8(ascii: "v"): return (11, false, i)
        case UInt8(ascii: "x"), UInt8(ascii: "u"), UInt8(ascii: "U"):
            let n = e == UInt8(ascii: "x") ? 2 : e == UInt8(ascii: "u") ? 4 : 8
            guard i + n <= s.count else { throw SyntaxError() }
            var v: UInt32 = 0
            for k in 0..<n {
                guard let d = GoStrconv.hexDigit(s[i + k]) else { throw SyntaxError() }
                v = v << 4 | UInt32(d)
            }
            i += n
            if e == UInt8(ascii: "x") { return (v, true, i) }
            guard Unicode.Scalar(v) != nil else { throw SyntaxError() }
            return (v, false, i)
        case UInt8(ascii: "0")...UInt8(ascii: "7"):
            guard index + 4 <= s.count else { throw SyntaxError() }
            var v: UInt32 = 0
            for k in 1...3 {
                let d = s[index + k]
                guard d >= 0x30 && d <= 0x37 else { throw SyntaxError() }
                v = v << 3 | UInt32(d - 0x30)
            }
            guard v <= 255 else { throw SyntaxError() }
            return (v, true, index + 4)
        case UInt8(ascii: "\\"): return (0x5C, false, i)
        case UInt8(ascii: "'"), UInt8(ascii: "\""):
            guard e == quote else { throw SyntaxError() }
            return (UInt32(e), false, i)
        default:
            throw SyntaxError()
        }
    }
}
