/// The kinds of lexical items, as Go's text/template/parse names them.
enum TokenKind: UInt8 {
    case error, bool, char, charConstant, complex, assign, declare, eof, field, identifier
    case leftDelim, leftParen, number, pipe, rawString, rightDelim, rightParen, space, string, text, variable
    // Keywords.
    case block, breakKeyword, continueKeyword, dot, define, elseKeyword, end, ifKeyword, nilKeyword
    case range, template, with

    var isKeyword: Bool { rawValue >= TokenKind.block.rawValue }
}

/// One lexical item: its kind, byte offset, text and line (1-based).
struct Token {
    var kind: TokenKind
    var pos: Int
    var text: ArraySlice<UInt8>
    var line: Int

    var string: String { String(decoding: text, as: UTF8.self) }

    /// The item as Go's parser prints it in "unexpected …" errors.
    var described: String {
        switch kind {
        case .eof: return "EOF"
        case .error: return string
        default:
            if kind.isKeyword { return "<\(string)>" }
            if text.count > 10 {
                return GoQuote.quote(String(decoding: text.prefix(10), as: UTF8.self)) + "..."
            }
            return GoQuote.quote(string)
        }
    }
}

/// Splits template text into tokens exactly as Go's lexer does, including trim markers and comments.
struct Lexer {
    let input: [UInt8]
    let leftDelim: [UInt8]
    let rightDelim: [UInt8]
    var pos = 0
    var start = 0
    var line = 1
    var startLine = 1
    var parenDepth = 0
    var tokens: [Token] = []

    init(input: [UInt8], leftDelim: String, rightDelim: String) {
        self.input = input
        self.leftDelim = Array((leftDelim.isEmpty ? "{{" : leftDelim).utf8)
        self.rightDelim = Array((rightDelim.isEmpty ? "}}" : rightDelim).utf8)
    }

    static let keywords: [String: TokenKind] = [
        ".": .dot, "block": .block, "break": .breakKeyword, "continue": .continueKeyword, "define": .define,
        "else": .elseKeyword, "end": .end, "if": .ifKeyword, "range": .range, "nil": .nilKeyword,
        "template": .template, "with": .with,
    ]

    /// Lexes the whole input; the last token is EOF or an error.
    mutating func run() -> [Token] {
        // About one token per 8 bytes of chart template; growing the array costs more than the slack.
        tokens.reserveCapacity(input.count / 8 + 16)
        var inside = false
        while true {
            let ok = inside ? lexInsideAction(&inside) : lexText(&inside)
            if !ok { break }
        }
        return tokens
    }

    // MARK: helpers

    func hasPrefix(_ prefix: [UInt8], at index: Int) -> Bool {
        if index + prefix.count > input.count { return false }
        for i in 0..<prefix.count where input[index + i] != prefix[i] { return false }
        return true
    }

    static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0D || byte == 0x0A }

    func hasLeftTrimMarker(at index: Int) -> Bool {
        index + 1 < input.count && input[index] == UInt8(ascii: "-") && Lexer.isSpace(input[index + 1])
    }

    func hasRightTrimMarker(at index: Int) -> Bool {
        index + 1 < input.count && Lexer.isSpace(input[index]) && input[index + 1] == UInt8(ascii: "-")
    }

    func atRightDelim() -> (delim: Bool, trim: Bool) {
        if hasRightTrimMarker(at: pos) && hasPrefix(rightDelim, at: pos + 2) { return (true, true) }
        if hasPrefix(rightDelim, at: pos) { return (true, false) }
        return (false, false)
    }

    mutating func countLines(_ from: Int, _ to: Int) {
        var i = from
        while i < to {
            if input[i] == 0x0A { line += 1 }
            i += 1
        }
    }

    mutating func emit(_ kind: TokenKind) {
        tokens.append(Token(kind: kind, pos: start, text: input[start..<pos], line: startLine))
        countLines(start, pos)
        start = pos
        startLine = line
    }

    mutating func ignore() {
        countLines(start, pos)
        start = pos
        startLine = line
    }

    mutating func fail(_ message: String) -> Bool {
        tokens.append(Token(kind: .error, pos: start, text: Array(message.utf8)[...], line: startLine))
        return false
    }

    /// Decodes the rune at `pos` (or nil at EOF) and its length.
    func peekRune() -> (Unicode.Scalar?, Int) {
        guard pos < input.count else { return (nil, 0) }
        return UTF8Decoding.decode(input, at: pos)
    }

    mutating func next() -> Unicode.Scalar? {
        let (scalar, width) = peekRune()
        pos += width
        lastWidth = width
        return scalar
    }

    var lastWidth = 0

    mutating func backup() { pos -= lastWidth }

    func peek() -> Unicode.Scalar? { peekRune().0 }

    mutating func accept(_ valid: String) -> Bool {
        if pos < input.count, valid.utf8.contains(input[pos]) {
            pos += 1
            return true
        }
        return false
    }

    mutating func acceptRun(_ valid: String) {
        while pos < input.count, valid.utf8.contains(input[pos]) { pos += 1 }
    }

    static func isAlphaNumeric(_ scalar: Unicode.Scalar?) -> Bool {
        guard let scalar else { return false }
        if scalar == "_" { return true }
        if scalar.isASCII {
            let v = scalar.value
            return (v >= 0x30 && v <= 0x39) || (v >= 0x41 && v <= 0x5A) || (v >= 0x61 && v <= 0x7A)
        }
        return scalar.properties.isAlphabetic || scalar.properties.numericType == .decimal
    }

    func atTerminator() -> Bool {
        guard let r = peek() else { return true }
        if r.isASCII && Lexer.isSpace(UInt8(r.value)) { return true }
        switch r {
        case ".", ",", "|", ":", ")", "(": return true
        default: break
        }
        if let first = rightDelim.first, r.value == first, r.isASCII { return true }
        if !r.isASCII {
            let (rd, _) = UTF8Decoding.decode(rightDelim, at: 0)
            return rd == r
        }
        return false
    }
}

/// Minimal UTF-8 decoding that maps invalid bytes to U+FFFD with width 1, as Go does.
enum UTF8Decoding {
    static func decode(_ bytes: [UInt8], at index: Int) -> (Unicode.Scalar?, Int) {
        let b0 = bytes[index]
        if b0 < 0x80 { return (Unicode.Scalar(b0), 1) }
        var need = 0
        var value: UInt32 = 0
        if b0 & 0xE0 == 0xC0 { need = 1; value = UInt32(b0 & 0x1F) }
        else if b0 & 0xF0 == 0xE0 { need = 2; value = UInt32(b0 & 0x0F) }
        else if b0 & 0xF8 == 0xF0 { need = 3; value = UInt32(b0 & 0x07) }
        else { return (Unicode.Scalar(0xFFFD), 1) }
        if index + need >= bytes.count { return (Unicode.Scalar(0xFFFD), 1) }
        for i in 1...need {
            let b = bytes[index + i]
            if b & 0xC0 != 0x80 { return (Unicode.Scalar(0xFFFD), 1) }
            value = value << 6 | UInt32(b & 0x3F)
        }
        let minimum: UInt32 = need == 1 ? 0x80 : need == 2 ? 0x800 : 0x10000
        guard value >= minimum, let scalar = Unicode.Scalar(value) else { return (Unicode.Scalar(0xFFFD), 1) }
        return (scalar, need + 1)
    }
}
