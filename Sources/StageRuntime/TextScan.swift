/// Byte-level checks that let the formatters copy most text as it is, without walking its scalars.
enum TextScan {
    /// Printable ASCII with no space, `=` or `"`: logfmt prints it bare.
    static func isBare(_ text: String) -> Bool {
        allBytes(text) { $0 > 0x20 && $0 < 0x7F && $0 != UInt8(ascii: "=") && $0 != UInt8(ascii: "\"") }
    }

    /// Nothing to escape inside quotes. Bytes that may start a C1 control or U+2028/U+2029 (0xC2,
    /// 0xE2) send the text to the careful, scalar-by-scalar path.
    static func isEscapeFree(_ text: String) -> Bool {
        allBytes(text) {
            $0 >= 0x20 && $0 != 0x7F && $0 != UInt8(ascii: "\"") && $0 != UInt8(ascii: "\\") && $0 != 0xC2 && $0 != 0xE2
        }
    }

    private static func allBytes(_ text: String, _ accept: (UInt8) -> Bool) -> Bool {
        if let result = text.utf8.withContiguousStorageIfAvailable({ buffer in
            for byte in buffer where !accept(byte) { return false }
            return true
        }) {
            return result
        }
        return text.utf8.allSatisfy(accept)
    }
}
