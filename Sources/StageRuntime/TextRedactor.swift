/// The byte-level passes behind ``Redaction/redact(text:)``; each keeps every byte it doesn't mask.
enum TextRedactor {
    static let mask = Array(Redaction.mask.utf8)

    /// `-----BEGIN … PRIVATE KEY----- … -----END … PRIVATE KEY-----` becomes `***`.
    static func maskPrivateKeyBlocks(_ bytes: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        var index = 0
        while let begin = find(Array("-----BEGIN ".utf8), in: bytes, from: index) {
            let headerEnd = find(Array("-----".utf8), in: bytes, from: begin + 11) ?? bytes.count
            let header = String(decoding: bytes[begin..<headerEnd], as: UTF8.self)
            guard header.contains("PRIVATE KEY") else {
                out += bytes[index..<min(headerEnd, bytes.count)]
                index = min(headerEnd, bytes.count)
                continue
            }
            out += bytes[index..<begin]
            out += mask
            index = blockEnd(bytes, after: headerEnd)
        }
        out += bytes[min(index, bytes.count)...]
        return out
    }

    private static func blockEnd(_ bytes: [UInt8], after start: Int) -> Int {
        guard let end = find(Array("-----END ".utf8), in: bytes, from: start) else { return bytes.count }
        guard let close = find(Array("-----".utf8), in: bytes, from: end + 9) else { return bytes.count }
        return close + 5
    }

    /// `scheme://user:pass@host` becomes `scheme://***@host`; a bare ssh user name (`ssh://git@host`) stays.
    static func maskURLUserInfo(_ bytes: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        var index = 0
        while let separator = find(Array("://".utf8), in: bytes, from: index) {
            let start = separator + 3
            var end = start
            while end < bytes.count, !endsAuthority(bytes[end]) { end += 1 }
            out += bytes[index..<start]
            if let at = bytes[start..<end].lastIndex(of: UInt8(ascii: "@")),
                !isPlainSSHUser(bytes, scheme: schemeStart(bytes, before: separator)..<separator, user: start..<at)
            {
                out += mask
                out += bytes[at..<end]
            } else {
                out += bytes[start..<end]
            }
            index = end
        }
        out += bytes[index...]
        return out
    }

    private static func endsAuthority(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "/"), UInt8(ascii: "?"), UInt8(ascii: "#"), UInt8(ascii: "\""), UInt8(ascii: "'"),
            UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "`"):
            true
        default: isSpace(byte)
        }
    }

    private static func schemeStart(_ bytes: [UInt8], before end: Int) -> Int {
        var start = end
        while start > 0, isSchemeByte(bytes[start - 1]) { start -= 1 }
        return start
    }

    private static func isSchemeByte(_ byte: UInt8) -> Bool {
        isAlphanumeric(byte) || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".")
    }

    /// ssh user names (`git@`) are account names, not credentials; anything with a password is.
    private static func isPlainSSHUser(_ bytes: [UInt8], scheme: Range<Int>, user: Range<Int>) -> Bool {
        let name = String(decoding: bytes[scheme], as: UTF8.self).lowercased()
        guard name == "ssh" || name == "git+ssh" || name == "ssh+git" else { return false }
        return !bytes[user].contains(UInt8(ascii: ":"))
    }

    /// `Bearer <token>` anywhere becomes `Bearer ***`.
    static func maskBearerTokens(_ bytes: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        var index = 0
        while index < bytes.count {
            if startsWord(bytes, at: index), matchesIgnoringCase(bytes, at: index, word: "bearer"),
                index + 6 < bytes.count, isSpace(bytes[index + 6])
            {
                var token = index + 6
                while token < bytes.count, isSpace(bytes[token]) { token += 1 }
                let end = valueEnd(bytes, from: token)
                out += bytes[index..<token]
                if end > token { out += mask }
                index = end
                continue
            }
            out.append(bytes[index])
            index += 1
        }
        return out
    }
}
