extension Lexer {
    static let leftComment: [UInt8] = Array("/*".utf8)
    static let rightComment: [UInt8] = Array("*/".utf8)

    func find(_ needle: [UInt8], from: Int) -> Int? {
        guard !needle.isEmpty, input.count >= needle.count else { return nil }
        let first = needle[0]
        var i = from
        let last = input.count - needle.count
        while i <= last {
            if input[i] == first && hasPrefix(needle, at: i) { return i }
            i += 1
        }
        return nil
    }

    func rightTrimLength(_ from: Int, _ to: Int) -> Int {
        var i = to
        while i > from && Lexer.isSpace(input[i - 1]) { i -= 1 }
        return to - i
    }

    func leftTrimLength(_ from: Int) -> Int {
        var i = from
        while i < input.count && Lexer.isSpace(input[i]) { i += 1 }
        return i - from
    }

    mutating func lexText(_ inside: inout Bool) -> Bool {
        if let x = find(leftDelim, from: pos) {
            if x > pos {
                pos = x
                var trim = 0
                if hasLeftTrimMarker(at: pos + leftDelim.count) { trim = rightTrimLength(start, pos) }
                pos -= trim
                if pos > start { emit(.text) }
                pos += trim
                ignore()
            }
            return lexLeftDelim(&inside)
        }
        pos = input.count
        if pos > start { emit(.text) }
        emit(.eof)
        return false
    }

    mutating func lexLeftDelim(_ inside: inout Bool) -> Bool {
        pos += leftDelim.count
        let trim = hasLeftTrimMarker(at: pos)
        let after = trim ? 2 : 0
        if hasPrefix(Lexer.leftComment, at: pos + after) {
            pos += after
            ignore()
            return lexComment()
        }
        emit(.leftDelim)
        pos += after
        ignore()
        parenDepth = 0
        inside = true
        return true
    }

    mutating func lexComment() -> Bool {
        pos += 2
        guard let x = find(Lexer.rightComment, from: pos) else { return fail("unclosed comment") }
        pos = x + 2
        let (delim, trim) = atRightDelim()
        if !delim { return fail("comment ends before closing delimiter") }
        if trim { pos += 2 }
        pos += rightDelim.count
        if trim { pos += leftTrimLength(pos) }
        ignore()
        return true
    }

    mutating func lexRightDelim(_ inside: inout Bool) -> Bool {
        let (_, trim) = atRightDelim()
        if trim {
            pos += 2
            ignore()
        }
        pos += rightDelim.count
        emit(.rightDelim)
        if trim {
            pos += leftTrimLength(pos)
            ignore()
        }
        inside = false
        return true
    }

    mutating func lexInsideAction(_ inside: inout Bool) -> Bool {
        let (delim, _) = atRightDelim()
        if delim {
            if parenDepth == 0 { return lexRightDelim(&inside) }
            return fail("unclosed left paren")
        }
        guard let r = next() else { return fail("unclosed action") }
        switch r {
        case " ", "\t", "\r", "\n":
            backup()
            return lexSpace(&inside)
        case "=": emit(.assign)
        case ":":
            if next() != "=" { return fail("expected :=") }
            emit(.declare)
        case "|": emit(.pipe)
        case "\"": return lexQuote()
        case "`": return lexRawQuote()
        case "$": return lexVariable()
        case "'": return lexChar()
        case ".":
            if pos < input.count, input[pos] < 0x30 || input[pos] > 0x39 { return lexField() }
            backup()
            return lexNumber()
        case "+", "-", "0"..."9":
            backup()
            return lexNumber()
        case "(":
            emit(.leftParen)
            parenDepth += 1
        case ")":
            emit(.rightParen)
            parenDepth -= 1
            if parenDepth < 0 { return fail("unexpected right paren U+0029 ')'") }
        default:
            if Lexer.isAlphaNumeric(r) {
                backup()
                return lexIdentifier()
            }
            if r.isASCII && r.value >= 0x20 && r.value < 0x7F {
                emit(.char)
            } else {
                return fail("unrecognized character in action: \(GoQuote.runeDescription(r))")
            }
        }
        return true
    }

    mutating func lexSpace(_ inside: inout Bool) -> Bool {
        var count = 0
        while pos < input.count && Lexer.isSpace(input[pos]) {
            pos += 1
            count += 1
        }
        if hasRightTrimMarker(at: pos - 1) && hasPrefix(rightDelim, at: pos + 1) {
            pos -= 1
            if count == 1 { return lexRightDelim(&inside) }
        }
        emit(.space)
        return true
    }

    mutating func lexIdentifier() -> Bool {
        var r: Unicode.Scalar?
        repeat { r = next() } while Lexer.isAlphaNumeric(r)
        if r != nil { backup() }
        if !atTerminator() { return fail("bad character \(GoQuote.runeDescription(r ?? "\u{FFFD}"))") }
        let word = String(decoding: input[start..<pos], as: UTF8.self)
        if let keyword = Lexer.keywords[word], keyword != .dot {
            emit(keyword)
        } else if word == "true" || word == "false" {
            emit(.bool)
        } else {
            emit(.identifier)
        }
        return true
    }

    mutating func lexVariable() -> Bool {
        if atTerminator() {
            emit(.variable)
            return true
        }
        return lexFieldOrVariable(.variable)
    }

    mutating func lexField() -> Bool { lexFieldOrVariable(.field) }

    mutating func lexFieldOrVariable(_ kind: TokenKind) -> Bool {
        if atTerminator() {
            emit(kind == .variable ? .variable : .dot)
            return true
        }
        var r: Unicode.Scalar?
        repeat { r = next() } while Lexer.isAlphaNumeric(r)
        if r != nil { backup() }
        if !atTerminator() { return fail("bad character \(GoQuote.runeDescription(r ?? "\u{FFFD}"))") }
        emit(kind)
        return true
    }

    mutating func lexChar() -> Bool {
        while true {
            let r = next()
            if r == "\\" {
                let e = next()
                if e != nil && e != "\n" { continue }
                return fail("unterminated character constant")
            }
            if r == nil || r == "\n" { return fail("unterminated character constant") }
            if r == "'" { break }
        }
        emit(.charConstant)
        return true
    }

    mutating func lexQuote() -> Bool {
        while true {
            let r = next()
            if r == "\\" {
                let e = next()
                if e != nil && e != "\n" { continue }
                return fail("unterminated quoted string")
            }
            if r == nil || r == "\n" { return fail("unterminated quoted string") }
            if r == "\"" { break }
        }
        emit(.string)
        return true
    }

    mutating func lexRawQuote() -> Bool {
        while true {
            let r = next()
            if r == nil { return fail("unterminated raw quoted string") }
            if r == "`" { break }
        }
        emit(.rawString)
        return true
    }

    mutating func lexNumber() -> Bool {
        if !scanNumber() { return fail("bad number syntax: \(GoQuote.quote(String(decoding: input[start..<pos], as: UTF8.self)))") }
        if pos < input.count, input[pos] == UInt8(ascii: "+") || input[pos] == UInt8(ascii: "-") {
            if !scanNumber() || input[pos - 1] != UInt8(ascii: "i") {
                return fail("bad number syntax: \(GoQuote.quote(String(decoding: input[start..<pos], as: UTF8.self)))")
            }
            emit(.complex)
        } else {
            emit(.number)
        }
        return true
    }

    mutating func scanNumber() -> Bool {
        _ = accept("+-")
        var digits = "0123456789_"
        if accept("0") {
            if accept("xX") { digits = "0123456789abcdefABCDEF_" }
            else if accept("oO") { digits = "01234567_" }
            else if accept("bB") { digits = "01_" }
        }
        acceptRun(digits)
        if accept(".") { acceptRun(digits) }
        if digits.utf8.count == 11 && accept("eE") {
            _ = accept("+-")
            acceptRun("0123456789_")
        }
        if digits.utf8.count == 23 && accept("pP") {
            _ = accept("+-")
            acceptRun("0123456789_")
        }
        _ = accept("i")
        if Lexer.isAlphaNumeric(peek()) {
            _ = next()
            return false
        }
        return true
    }
}
