/// Go's parse.newNumber: every interpretation of a number, char or complex literal.
enum NumberLiteral {
    static func make(pos: Int, text: String, kind: TokenKind, parser: Parser) throws(ParseFailure) -> NumberNode {
        let n = try interpret(pos: pos, text: text, kind: kind, parser: parser)
        // Computed while parsing, so executions only read the node.
        n.constant = constant(n)
        return n
    }

    static func interpret(pos: Int, text: String, kind: TokenKind, parser: Parser) throws(ParseFailure) -> NumberNode {
        let n = NumberNode(pos: pos, text: text)
        switch kind {
        case .charConstant:
            let bytes = Array(text.utf8)
            let value: UInt32
            let nextIndex: Int
            do {
                (value, _, nextIndex) = try GoQuote.unquoteChar(bytes, at: 1, quote: UInt8(ascii: "'"))
            } catch {
                throw parser.fail("invalid syntax")
            }
            if nextIndex != bytes.count - 1 { throw parser.fail("malformed character constant: \(text)") }
            n.isInt = true; n.int64 = Int64(value)
            n.isUint = true; n.uint64 = UInt64(value)
            n.isFloat = true; n.float64 = Double(value)
            return n
        case .complex:
            guard let (re, im) = parseComplex(text) else { throw parser.fail("expected integer") }
            n.isComplex = true
            n.complex = (re, im)
            simplifyComplex(n)
            return n
        default:
            break
        }
        if text.hasSuffix("i"), let f = GoStrconv.parseFloat(String(text.dropLast())) {
            n.isComplex = true
            n.complex = (0, f)
            simplifyComplex(n)
            return n
        }
        let u = GoStrconv.parseUint(text)
        if let u {
            n.isUint = true
            n.uint64 = u
        }
        if let i = GoStrconv.parseInt(text) {
            n.isInt = true
            n.int64 = i
            if i == 0 {
                n.isUint = true
                n.uint64 = u ?? 0
            }
        }
        if n.isInt {
            n.isFloat = true
            n.float64 = Double(n.int64)
        } else if n.isUint {
            n.isFloat = true
            n.float64 = Double(n.uint64)
        } else if let f = GoStrconv.parseFloat(text) {
            if !text.contains(where: { ".eEpP".contains($0) }) {
                throw parser.fail("integer overflow: \(GoQuote.quote(text))")
            }
            n.isFloat = true
            n.float64 = f
            if !n.isInt, f.rounded(.towardZero) == f, abs(f) < 9.223372036854775807e18 {
                n.isInt = true
                n.int64 = Int64(f)
            }
            if !n.isUint, f.rounded(.towardZero) == f, f >= 0, f < 1.8446744073709551615e19 {
                n.isUint = true
                n.uint64 = UInt64(f)
            }
        }
        if !n.isInt && !n.isUint && !n.isFloat {
            throw parser.fail("illegal number syntax: \(GoQuote.quote(text))")
        }
        return n
    }

    /// Go's idealConstant without context; nil when it overflows int (an execution-time error).
    static func constant(_ n: NumberNode) -> Value? {
        if n.isComplex { return .complex(n.complex.0, n.complex.1) }
        let text = n.text
        let isHexInt = text.count > 2 && text.hasPrefix("0") && (text.dropFirst().hasPrefix("x") || text.dropFirst().hasPrefix("X"))
            && !text.contains(where: { $0 == "p" || $0 == "P" })
        let isRune = text.hasPrefix("'")
        if n.isFloat && !isHexInt && !isRune && text.contains(where: { ".eEpP".contains($0) }) { return .float(n.float64) }
        if n.isInt { return .int(n.int64, .int) }
        return nil
    }

    static func simplifyComplex(_ n: NumberNode) {
        n.isFloat = n.complex.1 == 0
        guard n.isFloat else { return }
        let f = n.complex.0
        n.float64 = f
        if f.rounded(.towardZero) == f, abs(f) < 9.223372036854775807e18 {
            n.isInt = true
            n.int64 = Int64(f)
        }
        if f.rounded(.towardZero) == f, f >= 0, f < 1.8446744073709551615e19 {
            n.isUint = true
            n.uint64 = UInt64(f)
        }
    }

    static func parseComplex(_ text: String) -> (Double, Double)? {
        let chars = Array(text)
        guard chars.last == "i" else { return nil }
        var split = -1
        var i = chars.count - 2
        while i > 0 {
            if (chars[i] == "+" || chars[i] == "-") && !"eEpP".contains(chars[i - 1]) {
                split = i
                break
            }
            i -= 1
        }
        guard split > 0 else { return nil }
        guard let re = GoStrconv.parseFloat(String(chars[0..<split])),
            let im = GoStrconv.parseFloat(String(chars[split..<(chars.count - 1)]))
        else { return nil }
        return (re, im)
    }
}
