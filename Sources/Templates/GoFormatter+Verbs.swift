import Foundation

extension GoFormatter {
    mutating func fmtInteger(_ value: Int64, _ kind: IntKind, _ verb: Unicode.Scalar) {
        let unsigned = kind.isUnsigned
        switch verb {
        case "v":
            if sharpV && unsigned {
                let saved = sharp
                sharp = true
                integer(value, 16, unsigned, verb, lower: true)
                sharp = saved
            } else {
                integer(value, 10, unsigned, verb, lower: true)
            }
        case "d": integer(value, 10, unsigned, verb, lower: true)
        case "b": integer(value, 2, unsigned, verb, lower: true)
        case "o", "O": integer(value, 8, unsigned, verb, lower: true)
        case "x": integer(value, 16, unsigned, verb, lower: true)
        case "X": integer(value, 16, unsigned, verb, lower: false)
        case "c":
            pad(String(Character(Unicode.Scalar(UInt32(truncatingIfNeeded: value)) ?? "\u{FFFD}")))
        case "q":
            let r = Unicode.Scalar(UInt32(truncatingIfNeeded: value)) ?? "\u{FFFD}"
            pad(GoQuote.quote(String(Character(r)), quote: "'", asciiOnly: plus))
        case "U":
            let r = UInt32(truncatingIfNeeded: value)
            var s = "U+" + GoQuote.pad(String(r, radix: 16, uppercase: true), 4)
            if sharp, let scalar = Unicode.Scalar(r), GoQuote.isPrint(scalar) { s += " '\(Character(scalar))'" }
            let savedZero = zero
            zero = false
            pad(s)
            zero = savedZero
        default:
            badVerb(verb)
        }
    }

    mutating func integer(_ value: Int64, _ base: Int, _ unsigned: Bool, _ verb: Unicode.Scalar, lower: Bool) {
        if base == 10 && !unsigned && !precPresent && !widPresent && !plus && !space && verb != "O" {
            out += String(value)
            return
        }
        let negative = !unsigned && value < 0
        let magnitude: UInt64 = unsigned ? UInt64(bitPattern: value) : value.magnitude
        var precision = 0
        if precPresent {
            precision = prec
            if precision == 0 && magnitude == 0 {
                let saved = zero
                zero = false
                writePadding(wid)
                zero = saved
                return
            }
        } else if zero && widPresent {
            precision = wid
            if negative || plus || space { precision -= 1 }
        }
        var digits = String(magnitude, radix: base, uppercase: !lower)
        if digits.count < precision { digits = String(repeating: "0", count: precision - digits.count) + digits }
        if sharp {
            switch base {
            case 2: digits = "0b" + digits
            case 8: if !digits.hasPrefix("0") { digits = "0" + digits }
            case 16: digits = (lower ? "0x" : "0X") + digits
            default: break
            }
        }
        if verb == "O" { digits = "0o" + digits }
        if negative { digits = "-" + digits } else if plus { digits = "+" + digits } else if space { digits = " " + digits }
        let saved = zero
        zero = false
        pad(digits)
        zero = saved
    }

    mutating func fmtFloat(_ value: Double, _ verb: Unicode.Scalar) {
        switch verb {
        case "v": floatBody(value, "g", -1)
        case "g", "G": floatBody(value, Character(verb), -1)
        case "e", "E", "f": floatBody(value, Character(verb), 6)
        case "F": floatBody(value, "f", 6)
        default: badVerb(verb)
        }
    }

    mutating func floatBody(_ value: Double, _ fmt: Character, _ defaultPrec: Int) {
        let precision = precPresent ? prec : defaultPrec
        var num = GoFloat.format(value, fmt, precision)
        if fmt == "G" || fmt == "E" { num = num.uppercased().replacingOccurrences(of: "INF", with: "Inf").replacingOccurrences(of: "NAN", with: "NaN") }
        if num.hasPrefix("-") || num.hasPrefix("+") {
        } else {
            num = "+" + num
        }
        if space && num.hasPrefix("+") && !plus { num = " " + num.dropFirst() }
        if num.dropFirst().hasPrefix("Inf") || num.dropFirst().hasPrefix("NaN") {
            let saved = zero
            zero = false
            if num.dropFirst().hasPrefix("NaN") && !space && !plus { num = String(num.dropFirst()) }
            pad(num)
            zero = saved
            return
        }
        if sharp {
            if !num.contains(".") && fmt != "e" && fmt != "E" {
                if let e = num.firstIndex(where: { $0 == "e" || $0 == "E" }) {
                    num.insert(".", at: e)
                } else {
                    num += "."
                }
            }
        }
        if plus || !num.hasPrefix("+") {
            if zero && widPresent && wid > num.count {
                out.append(num.first!)
                writePadding(wid - num.count)
                out += num.dropFirst()
                return
            }
            pad(num)
            return
        }
        pad(String(num.dropFirst()))
    }

    mutating func fmtComplex(_ r: Double, _ i: Double, _ verb: Unicode.Scalar) {
        switch verb {
        case "v", "b", "g", "G", "x", "X", "f", "F", "e", "E":
            let savedPlus = plus
            out += "("
            fmtFloat(r, verb)
            plus = true
            fmtFloat(i, verb)
            out += "i)"
            plus = savedPlus
        default:
            badVerb(verb)
        }
    }

    mutating func fmtString(_ s: String, _ verb: Unicode.Scalar) {
        switch verb {
        case "v":
            if sharpV { fmtQ(s) } else { fmtS(s) }
        case "s": fmtS(s)
        case "x", "X": fmtHex(Array(s.utf8), upper: verb == "X")
        case "q": fmtQ(s)
        default: badVerb(verb)
        }
    }

    mutating func fmtBytesAsString(_ bytes: [UInt8], _ verb: Unicode.Scalar) {
        switch verb {
        case "x", "X": fmtHex(bytes, upper: verb == "X")
        case "q": pad(GoQuote.quote(bytes: bytes, asciiOnly: plus))
        default: fmtS(String(decoding: bytes, as: UTF8.self))
        }
    }

    mutating func fmtS(_ s: String) {
        var text = s
        if precPresent {
            text = String(String.UnicodeScalarView(s.unicodeScalars.prefix(prec)))
        }
        pad(text)
    }

    mutating func fmtQ(_ s: String) {
        var text = s
        if precPresent { text = String(String.UnicodeScalarView(s.unicodeScalars.prefix(prec))) }
        if sharp && !text.contains("`") && text.unicodeScalars.allSatisfy({ $0 == "\t" || GoQuote.isPrint($0) }) {
            pad("`" + text + "`")
            return
        }
        pad(GoQuote.quote(text, asciiOnly: plus))
    }

    mutating func fmtHex(_ bytes: [UInt8], upper: Bool) {
        var count = bytes.count
        if precPresent && prec < count { count = prec }
        let digits = Array(upper ? "0123456789ABCDEF" : "0123456789abcdef")
        var text = ""
        for i in 0..<count {
            if space && i > 0 { text += " " }
            if sharp && (space || i == 0) { text += upper ? "0X" : "0x" }
            text.append(digits[Int(bytes[i] >> 4)])
            text.append(digits[Int(bytes[i] & 15)])
        }
        pad(text)
    }
}
