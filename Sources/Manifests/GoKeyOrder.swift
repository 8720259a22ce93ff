/// go-yaml's "natural" map-key order: letters by code point, digit runs by numeric value,
/// letters after everything else (so `a2` < `a10`, `_x` < `Alpha` < `alpha`).
enum GoKeyOrder {
    /// Orders two keys as go-yaml's `keyList.Less` orders string keys.
    /// `v3` selects yaml.v3's variant: after equal digits, a letter sorts before a non-letter.
    static func less(_ lhs: String, _ rhs: String, v3: Bool = false) -> Bool {
        let left = lhs.unicodeScalars.map(\.value)
        let right = rhs.unicodeScalars.map(\.value)
        return less(left, right, v3: v3)
    }

    /// The rule over code points: UTF-8 bytes when both keys are ASCII, scalar values otherwise.
    static func less<C: RandomAccessCollection>(_ left: C, _ right: C, v3: Bool) -> Bool
    where C.Index == Int, C.Element: FixedWidthInteger {
        var index = 0
        var afterDigit = false
        while index < left.count && index < right.count {
            let a = UInt32(left[left.startIndex + index])
            let b = UInt32(right[right.startIndex + index])
            if a == b {
                afterDigit = isDigit(a)
                index += 1
                continue
            }
            let aLetter = isLetter(a)
            let bLetter = isLetter(b)
            if aLetter && bLetter { return a < b }
            if aLetter || bLetter { return v3 && afterDigit ? aLetter : bLetter }
            return numericLess(left, right, at: index)
        }
        return left.count < right.count
    }

    static func numericLess<C: RandomAccessCollection>(_ left: C, _ right: C, at index: Int) -> Bool
    where C.Index == Int, C.Element: FixedWidthInteger {
        @inline(__always) func l(_ i: Int) -> UInt32 { UInt32(left[left.startIndex + i]) }
        @inline(__always) func r(_ i: Int) -> UInt32 { UInt32(right[right.startIndex + i]) }
        let zero = UInt32(48)
        var aNumber: Int64 = 0
        var bNumber: Int64 = 0
        if l(index) == zero || r(index) == zero {
            var back = index - 1
            while back >= 0, isDigit(l(back)) {
                if l(back) != zero {
                    aNumber = 1
                    bNumber = 1
                    break
                }
                back -= 1
            }
        }
        var aEnd = index
        while aEnd < left.count, isDigit(l(aEnd)) {
            aNumber = aNumber &* 10 &+ (Int64(l(aEnd)) &- 48)
            aEnd += 1
        }
        var bEnd = index
        while bEnd < right.count, isDigit(r(bEnd)) {
            bNumber = bNumber &* 10 &+ (Int64(r(bEnd)) &- 48)
            bEnd += 1
        }
        if aNumber != bNumber { return aNumber < bNumber }
        if aEnd != bEnd { return aEnd < bEnd }
        return l(index) < r(index)
    }

    /// Go's `unicode.IsLetter` (general category L).
    @inline(__always) static func isLetter(_ value: UInt32) -> Bool {
        if value < 0x80 { return (value >= 0x41 && value <= 0x5A) || (value >= 0x61 && value <= 0x7A) }
        return Unicode.Scalar(value).map(isLetter) ?? false
    }

    /// Go's `unicode.IsDigit` (general category Nd).
    @inline(__always) static func isDigit(_ value: UInt32) -> Bool {
        if value < 0x80 { return value >= 0x30 && value <= 0x39 }
        return Unicode.Scalar(value).map(isDigit) ?? false
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
