/// The double-quoted writer, with go-yaml's escapes (`\x`, `\u`, `\U`, named ones) and its
/// quirk of escaping every character of a text that starts with a byte-order mark.
extension GoYAMLEmitter {
    mutating func writeDoubleQuoted(_ value: [UInt8], allowBreaks: Bool) {
        writeIndicator(UInt8(ascii: "\""), needWhitespace: true, isWhitespace: false, isIndention: false)
        // go-yaml's is_bom looks at the start of the text, not at the current character.
        let startsWithBOM = value.count >= 3 && value[0] == 0xEF && value[1] == 0xBB && value[2] == 0xBF
        var spaces = false
        var index = 0
        while index < value.count {
            let byte = value[index]
            if startsWithBOM || !ScalarBytes.isPrintable(value, index) || ScalarBytes.isBreak(value, index)
                || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\")
            {
                writeEscape(value, &index)
                spaces = false
            } else if byte == 0x20 {
                if allowBreaks && !spaces && column > bestWidth && index > 0 && index < value.count - 1 {
                    writeIndent()
                    if ScalarBytes.isSpace(value, index + 1) { put(UInt8(ascii: "\\")) }
                    index += 1
                } else {
                    write(value, &index)
                }
                spaces = true
            } else {
                write(value, &index)
                spaces = false
            }
        }
        writeIndicator(UInt8(ascii: "\""), needWhitespace: false, isWhitespace: false, isIndention: false)
        whitespace = false
        indention = false
    }

    mutating func writeEscape(_ value: [UInt8], _ index: inout Int) {
        let width = max(1, ScalarBytes.width(value[index]))
        var scalar: UInt32
        switch width {
        case 2: scalar = UInt32(value[index] & 0x1F)
        case 3: scalar = UInt32(value[index] & 0x0F)
        case 4: scalar = UInt32(value[index] & 0x07)
        default: scalar = UInt32(value[index] & 0x7F)
        }
        for offset in 1..<max(1, width) where index + offset < value.count {
            scalar = (scalar << 6) + UInt32(value[index + offset] & 0x3F)
        }
        index += width
        put(UInt8(ascii: "\\"))
        switch scalar {
        case 0x00: put(UInt8(ascii: "0"))
        case 0x07: put(UInt8(ascii: "a"))
        case 0x08: put(UInt8(ascii: "b"))
        case 0x09: put(UInt8(ascii: "t"))
        case 0x0A: put(UInt8(ascii: "n"))
        case 0x0B: put(UInt8(ascii: "v"))
        case 0x0C: put(UInt8(ascii: "f"))
        case 0x0D: put(UInt8(ascii: "r"))
        case 0x1B: put(UInt8(ascii: "e"))
        case 0x22: put(UInt8(ascii: "\""))
        case 0x5C: put(UInt8(ascii: "\\"))
        case 0x85: put(UInt8(ascii: "N"))
        case 0xA0: put(UInt8(ascii: "_"))
        case 0x2028: put(UInt8(ascii: "L"))
        case 0x2029: put(UInt8(ascii: "P"))
        default:
            let digits: Int
            if scalar <= 0xFF {
                put(UInt8(ascii: "x"))
                digits = 2
            } else if scalar <= 0xFFFF {
                put(UInt8(ascii: "u"))
                digits = 4
            } else {
                put(UInt8(ascii: "U"))
                digits = 8
            }
            for shift in stride(from: (digits - 1) * 4, through: 0, by: -4) {
                let digit = UInt8((scalar >> UInt32(shift)) & 0x0F)
                put(digit < 10 ? digit + 0x30 : digit + UInt8(ascii: "A") - 10)
            }
        }
    }
}
