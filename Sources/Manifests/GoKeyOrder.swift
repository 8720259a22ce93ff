/// go-yaml's "natural" map-key order: letters by code point, digit runs by numeric value,
/// letters after everything else (so `a2` < `a10`, `_x` < `Alpha` < `alpha`).
enum GoKeyOrder {
    /// Orders two keys as go-yaml's `keyList.Less` orders string keys.
    /// `v3` selects yaml.v3's variant: after equal digits, a letter sorts before a non-letter.
    static func less(_ lhs: String, _ rhs: String, v3: Bool = false) -> Bool {
        let left = Array(lhs.unicodeScalars)
        let right = Array(rhs.unicodeScalars)
        var index = 0
        var afterDigit = false
        while index < left.count && index < right.count {
            let a = left[index]
            let b = right[index]
            if a == b {
                afterDigit = isDigit(a)
                index += 1
                continue
            }
            let aLetter = isLetter(a)
            let bLetter = isLetter(b)
            if aLetter && bLetter { return a.value < b.value }
            if aLetter || bLetter { return v3 && afterDigit ? aLetter : bLetter }
            return numericLess(left, right, at: index)
        }
        return left.count < right.count
    }

    static func numericLess(_ left: [Unicode.Scalar], _ right: [Unicode.Scalar], at index: Int) -> Bool {
        var aNumber: Int64 = 0
        var bNumber: Int64 = 0
        if left[index] == "0" || right[index] == "0" {
            var back = index - 1
            while back >= 0, isDigit(left[back]) {
                if left[back] != "0" {
                    aNumber = 1
                    bNumber = 1
                    break
                }
                back -= 1
            }
        }
        var aEnd = index
        while aEnd < left.count, isDigit(left[aEnd]) {
            aNumber = aNumber &* 10 &+ (Int64(left[aEnd].value) &- 48)
            aEnd += 1
        }
        var bEnd = index
        while bEnd < right.count, isDigit(right[bEnd]) {
            bNumber = bNumber &* 10 &+ (Int64(right[bEnd].value) &- 48)
            bEnd += 1
        }
        if aNumber != bNumber { return aNumber < bNumber }
        if aEnd != bEnd { return aEnd < bEnd }
        return left[index].value < right[index].value
    }

    /// Go's `unicode.IsLetter` (general category L).
    static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII {
            let value = scalar.value
            return (value >= 0x41 && value <= 0x5A) || (value >= 0x61 && value <= 0x7A)
        }
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter: return true
        default: return false
        }
    }

    /// Go's `unicode.IsDigit` (general category Nd).
    static func isDigit(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII { return scalar.value >= 0x30 && scalar.value <= 0x39 }
        return scalar.properties.generalCategory == .decimalNumber
    }
}
