/// Go's `strconv.FormatFloat` and `encoding/json` number spellings for float64, which the
/// go-yaml writers print and Kubernetes tools therefore show.
enum GoFloat {
    /// The shortest decimal digits that read back as `value`, and where the decimal point goes:
    /// `value == 0.d1d2d3… × 10^point`. `value` must be finite and non-zero.
    static func shortestDigits(_ value: Double) -> (digits: [UInt8], point: Int) {
        // Swift and Go both print the shortest round-tripping digits closest to the exact value.
        let text = Array(abs(value).description.utf8)
        var digits: [UInt8] = []
        var point = 0
        var seenDot = false
        var exponent = 0
        var index = 0
        while index < text.count {
            let byte = text[index]
            if byte == UInt8(ascii: "e") {
                exponent = Int(String(decoding: text[(index + 1)...], as: UTF8.self)) ?? 0
                break
            }
            if byte == UInt8(ascii: ".") {
                seenDot = true
            } else {
                digits.append(byte)
                if !seenDot { point += 1 }
            }
            index += 1
        }
        while let first = digits.first, first == UInt8(ascii: "0") {
            digits.removeFirst()
            point -= 1
        }
        while let last = digits.last, last == UInt8(ascii: "0") { digits.removeLast() }
        return (digits, point + exponent)
    }

    /// `strconv.FormatFloat(value, 'g', -1, 64)`, with go-yaml's `.inf`/`.nan` spellings.
    static func formatG(_ value: Double) -> String {
        if value.isNaN { return ".nan" }
        if value.isInfinite { return value < 0 ? "-.inf" : ".inf" }
        if value == 0 { return value.sign == .minus ? "-0" : "0" }
        let (digits, point) = shortestDigits(value)
        let exponent = point - 1
        let sign = value < 0 ? "-" : ""
        // Shortest 'g' switches to an exponent at 10^6 whatever the digit count.
        if exponent < -4 || exponent >= 6 {
            return sign + formatE(digits, exponent: exponent, minExponentDigits: 2)
        }
        return sign + formatF(digits, point: point)
    }

    /// The text `encoding/json` writes for a finite float64.
    static func jsonText(_ value: Double) -> String {
        if value == 0 { return value.sign == .minus ? "-0" : "0" }
        let (digits, point) = shortestDigits(value)
        let sign = value < 0 ? "-" : ""
        let magnitude = abs(value)
        if magnitude < 1e-6 || magnitude >= 1e21 {
            return sign + formatE(digits, exponent: point - 1, minExponentDigits: 1)
        }
        return sign + formatF(digits, point: point)
    }

    static func formatE(_ digits: [UInt8], exponent: Int, minExponentDigits: Int) -> String {
        var out = String(UnicodeScalar(digits[0]))
        if digits.count > 1 {
            out += "." + String(decoding: digits[1...], as: UTF8.self)
        }
        out += exponent < 0 ? "e-" : "e+"
        var expText = String(abs(exponent))
        while expText.count < minExponentDigits { expText = "0" + expText }
        return out + expText
    }

    static func formatF(_ digits: [UInt8], point: Int) -> String {
        if point <= 0 {
            return "0." + String(repeating: "0", count: -point) + String(decoding: digits, as: UTF8.self)
        }
        if point >= digits.count {
            return String(decoding: digits, as: UTF8.self) + String(repeating: "0", count: point - digits.count)
        }
        return String(decoding: digits[..<point], as: UTF8.self) + "." + String(decoding: digits[point...], as: UTF8.self)
    }
}
