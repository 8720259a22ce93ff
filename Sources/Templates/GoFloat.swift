import Foundation

/// Go's strconv float formatting ('e', 'f', 'g' with shortest or fixed precision).
enum GoFloat {
    /// Shortest decimal digits that round-trip, and the decimal point position (value = 0.d1d2… × 10^dp).
    static func shortestDigits(_ v: Double) -> (digits: [UInt8], dp: Int) {
        let text = abs(v).description
        var mantissa = Substring(text)
        var exponent = 0
        if let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            mantissa = text[..<e]
            exponent = Int(text[text.index(after: e)...]) ?? 0
        }
        var digits: [UInt8] = []
        var dp = 0
        var seenPoint = false
        for c in mantissa.utf8 {
            if c == UInt8(ascii: ".") {
                seenPoint = true
                continue
            }
            digits.append(c)
            if !seenPoint { dp += 1 }
        }
        while let first = digits.first, first == UInt8(ascii: "0") {
            digits.removeFirst()
            dp -= 1
        }
        while let last = digits.last, last == UInt8(ascii: "0") { digits.removeLast() }
        if digits.isEmpty { return ([UInt8(ascii: "0")], 1) }
        return (digits, dp + exponent)
    }

    /// strconv.FormatFloat(v, fmt, prec, 64), with `fmt` one of e E f g G.
    static func format(_ v: Double, _ fmt: Character, _ prec: Int) -> String {
        if v.isNaN { return "NaN" }
        if v.isInfinite { return v < 0 ? "-Inf" : "+Inf" }
        let negative = v.sign == .minus
        if prec < 0 {
            let (digits, dp) = v == 0 ? ([UInt8(ascii: "0")], 1) : shortestDigits(v)
            var body: String
            switch fmt {
            case "e", "E": body = formatE(digits, dp, digits.count - 1, fmt)
            case "f": body = formatF(digits, dp, max(digits.count - dp, 0))
            default:
                let exp = dp - 1
                if exp < -4 || exp >= 6 {
                    body = formatE(digits, dp, digits.count - 1, fmt == "G" ? "E" : "e")
                } else {
                    body = formatF(digits, dp, max(digits.count - dp, 0))
                }
            }
            return (negative ? "-" : "") + body
        }
        var cfmt = fmt
        if cfmt == "F" { cfmt = "f" }
        return String(format: "%.\(prec)\(cfmt)", v)
    }

    static func formatE(_ digits: [UInt8], _ dp: Int, _ prec: Int, _ fmt: Character) -> String {
        var out = [digits[0]]
        if prec > 0 {
            out.append(UInt8(ascii: "."))
            var i = 1
            let m = min(digits.count, prec + 1)
            while i < m {
                out.append(digits[i])
                i += 1
            }
            while i <= prec {
                out.append(UInt8(ascii: "0"))
                i += 1
            }
        }
        out.append(fmt == "E" ? UInt8(ascii: "E") : UInt8(ascii: "e"))
        var exp = digits == [UInt8(ascii: "0")] ? 0 : dp - 1
        if exp < 0 {
            out.append(UInt8(ascii: "-"))
            exp = -exp
        } else {
            out.append(UInt8(ascii: "+"))
        }
        if exp < 10 { out.append(UInt8(ascii: "0")) }
        out.append(contentsOf: Array(String(exp).utf8))
        return String(decoding: out, as: UTF8.self)
    }

    static func formatF(_ digits: [UInt8], _ dp: Int, _ prec: Int) -> String {
        var out: [UInt8] = []
        if dp > 0 {
            for i in 0..<dp { out.append(i < digits.count ? digits[i] : UInt8(ascii: "0")) }
        } else {
            out.append(UInt8(ascii: "0"))
        }
        if prec > 0 {
            out.append(UInt8(ascii: "."))
            for i in 0..<prec {
                let j = dp + i
                out.append(j >= 0 && j < digits.count ? digits[j] : UInt8(ascii: "0"))
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// `%v` of a float64: shortest `%g`, exponent from 1e+06 and below 1e-04.
    static func formatV(_ v: Double) -> String {
        // Whole numbers below 1e6 (ports, replicas from values.yaml) print as integers under %g's
        // rules; skip the shortest-digits search for them. -0 keeps its sign through the full path.
        if abs(v) < 1e6, v == v.rounded(.towardZero), !(v == 0 && v.sign == .minus) { return String(Int64(v)) }
        return format(v, "g", -1)
    }
}
