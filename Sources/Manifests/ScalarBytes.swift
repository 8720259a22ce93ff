/// go-yaml's byte-level character classes (`yamlprivateh.go`), on UTF-8 with reads past the
/// end answering 0 instead of trapping.
enum ScalarBytes {
    @inline(__always) static func at(_ bytes: [UInt8], _ index: Int) -> UInt8 {
        index < bytes.count ? bytes[index] : 0
    }

    /// Bytes in the UTF-8 sequence that starts with `lead`.
    @inline(__always) static func width(_ lead: UInt8) -> Int {
        if lead & 0x80 == 0 { return 1 }
        if lead & 0xE0 == 0xC0 { return 2 }
        if lead & 0xF0 == 0xE0 { return 3 }
        if lead & 0xF8 == 0xF0 { return 4 }
        return 0
    }

    @inline(__always) static func isSpace(_ bytes: [UInt8], _ index: Int) -> Bool { at(bytes, index) == 0x20 }

    @inline(__always) static func isBlank(_ bytes: [UInt8], _ index: Int) -> Bool {
        let byte = at(bytes, index)
        return byte == 0x20 || byte == 0x09
    }

    /// CR, LF, NEL, LS, PS.
    @inline(__always) static func isBreak(_ bytes: [UInt8], _ index: Int) -> Bool {
        let byte = at(bytes, index)
        if byte == 0x0D || byte == 0x0A { return true }
        if byte == 0xC2 { return at(bytes, index + 1) == 0x85 }
        if byte == 0xE2 {
            return at(bytes, index + 1) == 0x80 && (at(bytes, index + 2) == 0xA8 || at(bytes, index + 2) == 0xA9)
        }
        return false
    }

    /// Blank, break, or the end of the text.
    @inline(__always) static func isBlankOrEnd(_ bytes: [UInt8], _ index: Int) -> Bool {
        index >= bytes.count || isBlank(bytes, index) || isBreak(bytes, index) || bytes[index] == 0
    }

    /// Characters YAML may show unescaped (LF, printable ASCII, most of the BMP; never U+FEFF or 4-byte ones).
    @inline(__always) static func isPrintable(_ bytes: [UInt8], _ index: Int) -> Bool {
        let byte = at(bytes, index)
        let next = at(bytes, index + 1)
        return byte == 0x0A || (byte >= 0x20 && byte <= 0x7E) || (byte == 0xC2 && next >= 0xA0)
            || (byte > 0xC2 && byte < 0xED) || (byte == 0xED && next < 0xA0) || byte == 0xEE
            || (byte == 0xEF && !(next == 0xBB && at(bytes, index + 2) == 0xBF)
                && !(next == 0xBF && (at(bytes, index + 2) == 0xBE || at(bytes, index + 2) == 0xBF)))
    }

    static func containsBreak(_ bytes: [UInt8]) -> Bool {
        var index = 0
        while index < bytes.count {
            if isBreak(bytes, index) { return true }
            index += max(1, width(bytes[index]))
        }
        return false
    }
}
