/// Go's `strconv.ParseInt(s, 0, 64)` and `ParseUint(s, 0, 64)`: the integer spellings go-yaml
/// accepts (decimal, `0x`, `0o`, `0b`, and a leading `0` for octal).
enum GoInteger {
    static func parseInt(_ bytes: [UInt8]) -> Int64? {
        var body = bytes[...]
        var negative = false
        if let sign = body.first, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") {
            negative = sign == UInt8(ascii: "-")
            body = body.dropFirst()
        }
        guard let magnitude = parseUnsigned(body) else { return nil }
        if negative {
            guard magnitude <= UInt64(Int64.max) + 1 else { return nil }
            return magnitude == UInt64(Int64.max) + 1 ? Int64.min : -Int64(magnitude)
        }
        guard magnitude <= UInt64(Int64.max) else { return nil }
        return Int64(magnitude)
    }

    static func parseUint(_ bytes: [UInt8]) -> UInt64? {
        parseUnsigned(bytes[...])
    }

    static func parseUnsigned(_ bytes: ArraySlice<UInt8>) -> UInt64? {
        guard let first = bytes.first else { return nil }
        if first != UInt8(ascii: "0") { return parseDigits(bytes, radix: 10) }
        let rest = bytes.dropFirst()
        if bytes.count >= 3, let marker = rest.first {
            switch marker | 0x20 {
            case UInt8(ascii: "b"): return parseDigits(rest.dropFirst(), radix: 2)
            case UInt8(ascii: "o"): return parseDigits(rest.dropFirst(), radix: 8)
            case UInt8(ascii: "x"): return parseDigits(rest.dropFirst(), radix: 16)
            default: break
            }
        }
        return rest.isEmpty ? 0 : parseDigits(rest, radix: 8)
    }

    static func parseDigits(_ bytes: ArraySlice<UInt8>, radix: UInt64) -> UInt64? {
        guard !bytes.isEmpty else { return nil }
        var value: UInt64 = 0
        for byte in bytes {
            let digit: UInt64
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt64(byte - 0x30)
            case UInt8(ascii: "a")...UInt8(ascii: "z"): digit = UInt64(byte - 0x61 + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): digit = UInt64(byte - 0x41 + 10)
            default: return nil
            }
            guard digit < radix else { return nil }
            let (shifted, overflow1) = value.multipliedReportingOverflow(by: radix)
            let (sum, overflow2) = shifted.addingReportingOverflow(digit)
            if overflow1 || overflow2 { return nil }
            value = sum
        }
        return value
    }
}
