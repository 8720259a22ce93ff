/// The scalar writers: plain, single-quoted and double-quoted (all folded near column 80 at
/// spaces) and literal blocks with go-yaml's indentation and chomping indicators.
extension GoYAMLEmitter {
    mutating func emitScalar(_ value: [UInt8], requested: ScalarStyle) {
        let style = ScalarAnalysis(value, tabsForbidPlain: isV3).select(requested, simpleKey: simpleKeyContext, isEmpty: value.isEmpty)
        increaseIndent(flow: true, indentless: false)
        let allowBreaks = !simpleKeyContext
        switch style {
        case .plain: writePlain(value, allowBreaks: allowBreaks)
        case .singleQuoted: writeSingleQuoted(value, allowBreaks: allowBreaks)
        case .doubleQuoted: writeDoubleQuoted(value, allowBreaks: allowBreaks)
        case .literal: writeLiteral(value)
        }
        popIndent()
    }

    /// Short texts of letters, digits and `-_./` that start with a letter: go-yaml writes them plain
    /// and unfolded whatever the context, so the full analysis can be skipped. (A leading digit
    /// could read as a number, a leading `-`/`.` as an indicator or float, so those take the slow path.)
    static func isSimplePlain(_ value: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = value.first, value.count < 40 else { return false }
        switch first {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"):
            break
        default: return false
        }
        // v2's table is v3's plus the YAML 1.1 booleans: a word in either is quoted.
        if value.count <= 5, ScalarResolver.lookup(String(decoding: value, as: UTF8.self), schema: .v2) != nil {
            return false
        }
        for byte in value {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."),
                UInt8(ascii: "/"):
                continue
            default: return false
            }
        }
        return true
    }

    // MARK: - Output primitives

    @inline(__always) mutating func put(_ byte: UInt8) {
        output.append(byte)
        column += 1
    }

    @inline(__always) mutating func putBreak() {
        output.append(0x0A)
        column = 0
    }

    /// Copies one character and counts it as one column.
    @inline(__always) mutating func write(_ value: [UInt8], _ index: inout Int) {
        let width = max(1, ScalarBytes.width(value[index]))
        let end = min(index + width, value.count)
        output.append(contentsOf: value[index..<end])
        column += 1
        index = end
    }

    mutating func writeBreak(_ value: [UInt8], _ index: inout Int) {
        if value[index] == 0x0A {
            putBreak()
            index += 1
        } else {
            write(value, &index)
            column = 0
        }
    }

    mutating func writeIndent() {
        let target = max(indent, 0)
        if !indention || column > target || (column == target && !whitespace) { putBreak() }
        while column < target { put(0x20) }
        whitespace = true
        indention = true
    }

    /// Writes a one-character (ASCII) indicator; every indicator go-yaml writes for JSON values is one.
    mutating func writeIndicator(_ indicator: UInt8, needWhitespace: Bool, isWhitespace: Bool, isIndention: Bool) {
        if needWhitespace && !whitespace { put(0x20) }
        put(indicator)
        whitespace = isWhitespace
        indention = indention && isIndention
    }

    // MARK: - Styles

    mutating func writePlain(_ value: [UInt8], allowBreaks: Bool) {
        if !whitespace { put(0x20) }
        var spaces = false
        var breaks = false
        var index = 0
        while index < value.count {
            if value[index] == 0x20 {
                if allowBreaks && !spaces && column > bestWidth && !ScalarBytes.isSpace(value, index + 1) {
                    writeIndent()
                    index += 1
                } else {
                    write(value, &index)
                }
                spaces = true
            } else if ScalarBytes.isBreak(value, index) {
                if !breaks && value[index] == 0x0A { putBreak() }
                writeBreak(value, &index)
                indention = true
                breaks = true
            } else {
                if breaks { writeIndent() }
                write(value, &index)
                indention = false
                spaces = false
                breaks = false
            }
        }
        whitespace = false
        indention = false
    }

    mutating func writeSingleQuoted(_ value: [UInt8], allowBreaks: Bool) {
        writeIndicator(UInt8(ascii: "'"), needWhitespace: true, isWhitespace: false, isIndention: false)
        var spaces = false
        var breaks = false
        var index = 0
        while index < value.count {
            if value[index] == 0x20 {
                if allowBreaks && !spaces && column > bestWidth && index > 0 && index < value.count - 1
                    && !ScalarBytes.isSpace(value, index + 1)
                {
                    writeIndent()
                    index += 1
                } else {
                    write(value, &index)
                }
                spaces = true
            } else if ScalarBytes.isBreak(value, index) {
                if !breaks && value[index] == 0x0A { putBreak() }
                writeBreak(value, &index)
                indention = true
                breaks = true
            } else {
                if breaks { writeIndent() }
                if value[index] == UInt8(ascii: "'") { put(UInt8(ascii: "'")) }
                write(value, &index)
                indention = false
                spaces = false
                breaks = false
            }
        }
        writeIndicator(UInt8(ascii: "'"), needWhitespace: false, isWhitespace: false, isIndention: false)
        whitespace = false
        indention = false
    }

    mutating func writeLiteral(_ value: [UInt8]) {
        writeIndicator(UInt8(ascii: "|"), needWhitespace: true, isWhitespace: false, isIndention: false)
        writeBlockHints(value)
        putBreak()
        indention = true
        whitespace = true
        var breaks = true
        var index = 0
        while index < value.count {
            if ScalarBytes.isBreak(value, index) {
                writeBreak(value, &index)
                indention = true
                breaks = true
            } else {
                if breaks { writeIndent() }
                write(value, &index)
                indention = false
                breaks = false
            }
        }
    }

    /// The indentation indicator (when the text starts with a space or break) and the chomping
    /// indicator: `-` without a final break, `+` with more than one (or only one).
    mutating func writeBlockHints(_ value: [UInt8]) {
        if ScalarBytes.isSpace(value, 0) || ScalarBytes.isBreak(value, 0) {
            writeIndicator(UInt8(ascii: "0") + UInt8(bestIndent), needWhitespace: false, isWhitespace: false, isIndention: false)
        }
        var chomp: UInt8 = 0
        if value.isEmpty {
            chomp = UInt8(ascii: "-")
        } else {
            var last = value.count - 1
            while last > 0, value[last] & 0xC0 == 0x80 { last -= 1 }
            if !ScalarBytes.isBreak(value, last) {
                chomp = UInt8(ascii: "-")
            } else if last == 0 {
                chomp = UInt8(ascii: "+")
            } else {
                var previous = last - 1
                while previous > 0, value[previous] & 0xC0 == 0x80 { previous -= 1 }
                if ScalarBytes.isBreak(value, previous) { chomp = UInt8(ascii: "+") }
            }
        }
        if chomp != 0 {
            writeIndicator(chomp, needWhitespace: false, isWhitespace: false, isIndention: false)
        }
    }
}
