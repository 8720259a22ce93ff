extension TextRedactor {
    /// `password=x`, `token: x`, `"secret": "x"`, `?key=x` become the same with `***` as the value.
    static func maskSecretPairs(_ bytes: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        var index = 0
        while index < bytes.count {
            guard isNameByte(bytes[index]), index == 0 || !isNameByte(bytes[index - 1]) else {
                out.append(bytes[index])
                index += 1
                continue
            }
            var nameEnd = index
            while nameEnd < bytes.count, isNameByte(bytes[nameEnd]) { nameEnd += 1 }
            if let valueRange = secretValue(bytes, name: index..<nameEnd) {
                out += bytes[index..<valueRange.lowerBound]
                out += mask
                index = valueRange.upperBound
            } else {
                out += bytes[index..<nameEnd]
                index = nameEnd
            }
        }
        return out
    }

    /// The range of the value to mask when `name` names a secret and is followed by `=` or `:`.
    private static func secretValue(_ bytes: [UInt8], name: Range<Int>) -> Range<Int>? {
        var cursor = name.upperBound
        let quote = name.lowerBound > 0 ? bytes[name.lowerBound - 1] : 0
        if isQuote(quote), cursor < bytes.count, bytes[cursor] == quote { cursor += 1 }
        while cursor < bytes.count, bytes[cursor] == UInt8(ascii: " ") { cursor += 1 }
        guard cursor < bytes.count, bytes[cursor] == UInt8(ascii: "=") || bytes[cursor] == UInt8(ascii: ":")
        else { return nil }
        if bytes[cursor...].starts(with: Array("://".utf8)) { return nil }
        guard isSecretName(bytes, name) else { return nil }
        cursor += 1
        while cursor < bytes.count, bytes[cursor] == UInt8(ascii: " ") { cursor += 1 }
        return valueRange(bytes, from: cursor)
    }

    private static func isSecretName(_ bytes: [UInt8], _ name: Range<Int>) -> Bool {
        let text = String(decoding: bytes[name], as: UTF8.self)
        let before = name.lowerBound > 0 ? bytes[name.lowerBound - 1] : 0
        if before == UInt8(ascii: "?") || before == UInt8(ascii: "&") {
            return Redaction.isSecret(queryParameter: text)
        }
        return Redaction.isSecret(key: text)
    }

    /// A quoted value up to its closing quote, or a bare one up to a separator; `Bearer x` counts as one.
    private static func valueRange(_ bytes: [UInt8], from start: Int) -> Range<Int>? {
        guard start < bytes.count else { return nil }
        if isQuote(bytes[start]) {
            var end = start + 1
            while end < bytes.count, bytes[end] != bytes[start] {
                end += bytes[end] == UInt8(ascii: "\\") ? 2 : 1
            }
            let close = min(end, bytes.count)
            return close > start + 1 ? (start + 1)..<close : nil
        }
        var end = valueEnd(bytes, from: start)
        if end > start, isAuthScheme(bytes[start..<end]), end + 1 < bytes.count, isSpace(bytes[end]) {
            end = valueEnd(bytes, from: end + 1)
        }
        return end > start ? start..<end : nil
    }

    private static func isAuthScheme(_ word: ArraySlice<UInt8>) -> Bool {
        ["bearer", "basic", "token", "digest"].contains(String(decoding: word, as: UTF8.self).lowercased())
    }
}
