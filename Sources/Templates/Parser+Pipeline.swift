extension Parser {
    mutating func pipeline(context: String, end: TokenKind) throws(ParseFailure) -> PipeNode {
        let first = peekNonSpace()
        let pipe = PipeNode(pos: first.pos, line: first.line)
        decls: while true {
            let v = peekNonSpace()
            guard v.kind == .variable else { break }
            let variableIndex = index
            _ = next()
            let afterVariable = peek()
            let nextToken = peekNonSpace()
            if nextToken.kind == .assign || nextToken.kind == .declare {
                pipe.isAssign = nextToken.kind == .assign
                _ = nextNonSpace()
                pipe.decl.append(v.string)
                vars.append(v.string)
            } else if nextToken.kind == .char && nextToken.string == "," {
                _ = nextNonSpace()
                pipe.decl.append(v.string)
                vars.append(v.string)
                if context == "range" && pipe.decl.count < 2 {
                    switch peekNonSpaceKind() {
                    case .variable, .rightDelim, .rightParen: continue decls
                    default: throw fail("range can only initialize variables")
                    }
                }
                throw fail("too many declarations in \(context)")
            } else {
                // Not a declaration: the variable is the pipeline's first operand.
                _ = afterVariable
                index = variableIndex
            }
            break
        }
        while true {
            let token = nextNonSpace()
            switch token.kind {
            case end:
                try checkPipeline(pipe, context)
                return pipe
            case .bool, .charConstant, .complex, .dot, .field, .identifier, .number, .nilKeyword, .rawString,
                .string, .variable, .leftParen:
                backup()
                pipe.cmds.append(try command())
            default:
                throw unexpected(token, context)
            }
        }
    }

    func checkPipeline(_ pipe: PipeNode, _ context: String) throws(ParseFailure) {
        if pipe.cmds.isEmpty { throw fail("missing value for \(context)") }
        for (i, cmd) in pipe.cmds.enumerated().dropFirst() {
            switch cmd.args[0] {
            case .bool, .dot, .nilLiteral, .number, .string:
                throw fail("non executable command in pipeline stage \(i + 1)")
            default: break
            }
        }
    }

    mutating func command() throws(ParseFailure) -> CommandNode {
        let cmd = CommandNode(pos: peekNonSpace().pos)
        while true {
            _ = peekNonSpace()
            if let operand = try operand() { cmd.args.append(operand) }
            let token = next()
            switch token.kind {
            case .space: continue
            case .rightDelim, .rightParen: backup()
            case .pipe: break
            default: throw unexpected(token, "operand")
            }
            break
        }
        if cmd.args.isEmpty { throw fail("empty command") }
        return cmd
    }

    mutating func operand() throws(ParseFailure) -> ArgNode? {
        guard let node = try term() else { return nil }
        guard peekKind() == .field else { return node }
        let chainPos = peek().pos
        var fields: [String] = []
        while peekKind() == .field { fields.append(String(next().string.dropFirst())) }
        switch node {
        // Go gives a chained field or variable the position of the first appended field.
        case .field(_, let idents): return .field(pos: chainPos, idents: idents + fields)
        case .variable(_, let idents): return .variable(pos: chainPos, idents: idents + fields)
        case .bool, .string, .number, .nilLiteral, .dot:
            throw fail("unexpected . after term \(GoQuote.quote(node.description))")
        default:
            return .chain(pos: chainPos, node: node, fields: fields)
        }
    }

    mutating func term() throws(ParseFailure) -> ArgNode? {
        let token = nextNonSpace()
        switch token.kind {
        case .identifier:
            if !hasFunction(token.string) { throw fail("function \(GoQuote.quote(token.string)) not defined") }
            return .identifier(pos: token.pos, name: token.string)
        case .dot: return .dot(pos: token.pos)
        case .nilKeyword: return .nilLiteral(pos: token.pos)
        case .variable:
            let name = token.string
            if !vars.contains(name) { throw fail("undefined variable \(GoQuote.quote(name))") }
            return .variable(pos: token.pos, idents: [name])
        case .field: return .field(pos: token.pos, idents: [String(token.string.dropFirst())])
        case .bool: return .bool(pos: token.pos, value: token.string == "true")
        case .charConstant, .complex, .number:
            return .number(try NumberLiteral.make(pos: token.pos, text: token.string, kind: token.kind, parser: self))
        case .leftParen:
            return .pipe(try pipeline(context: "parenthesized pipeline", end: .rightParen))
        case .string, .rawString:
            do {
                return .string(pos: token.pos, quoted: token.string, value: try GoQuote.unquote(token.string))
            } catch {
                throw fail("invalid syntax")
            }
        default:
            backup()
            return nil
        }
    }
}
