extension Parser {
    mutating func itemList() throws(ParseFailure) -> ([Node], ListTerminator) {
        var list: [Node] = []
        while peekNonSpaceKind() != .eof {
            let (node, terminator) = try textOrAction()
            if let terminator { return (list, terminator) }
            if let node { list.append(node) }
        }
        throw fail("unexpected EOF")
    }

    mutating func textOrAction() throws(ParseFailure) -> (Node?, ListTerminator?) {
        let token = nextNonSpace()
        switch token.kind {
        case .text:
            return (.text(Array(token.text)), nil)
        case .leftDelim:
            let saved = actionLine
            actionLine = token.line
            defer { actionLine = saved }
            return try action()
        default:
            throw unexpected(token, "input")
        }
    }

    mutating func action() throws(ParseFailure) -> (Node?, ListTerminator?) {
        let token = nextNonSpace()
        switch token.kind {
        case .block: return (try blockControl(), nil)
        case .breakKeyword, .continueKeyword:
            let name = token.kind == .breakKeyword ? "break" : "continue"
            let after = nextNonSpace()
            if after.kind != .rightDelim { throw unexpected(after, "{{\(name)}}") }
            if rangeDepth == 0 { throw fail("{{\(name)}} outside {{range}}") }
            return (token.kind == .breakKeyword ? .breakNode(pos: token.pos) : .continueNode(pos: token.pos), nil)
        case .elseKeyword:
            // `{{else if …}}` and (Go 1.23) `{{else with …}}` leave the keyword pending.
            let next = peekNonSpaceKind()
            if next == .ifKeyword || next == .with { return (nil, .elseIf) }
            _ = try expect(.rightDelim, "else")
            return (nil, .elseClause)
        case .end:
            _ = try expect(.rightDelim, "end")
            return (nil, .end)
        case .ifKeyword: return (.ifNode(try parseControl(allowElseIf: true, context: "if")), nil)
        case .range: return (.rangeNode(try parseControl(allowElseIf: false, context: "range")), nil)
        case .with: return (.withNode(try parseControl(allowElseIf: false, context: "with")), nil)
        case .template: return (try templateControl(), nil)
        default:
            backup()
            let start = peek()
            let pipe = try pipeline(context: "command", end: .rightDelim)
            return (.action(pos: start.pos, line: start.line, pipe: pipe), nil)
        }
    }

    mutating func parseControl(allowElseIf: Bool, context: String) throws(ParseFailure) -> BranchNode {
        let depth = vars.count
        defer { vars.removeSubrange(depth...) }
        let pipe = try pipeline(context: context, end: .rightDelim)
        if context == "range" { rangeDepth += 1 }
        var (list, terminator) = try itemList()
        if context == "range" { rangeDepth -= 1 }
        var elseList: [Node]?
        if terminator != .end {
            if terminator == .elseIf && context == "if" && peekKind() == .ifKeyword {
                _ = next()
                elseList = [.ifNode(try parseControl(allowElseIf: true, context: "if"))]
            } else if terminator == .elseIf && context == "with" && peekKind() == .with {
                _ = next()
                elseList = [.withNode(try parseControl(allowElseIf: false, context: "with"))]
            } else {
                if terminator == .elseIf {
                    // Go treats `{{else if` outside `if` as `{{else}}` followed by a stray `if`.
                    throw unexpected(nextNonSpace(), "input")
                }
                let (body, next) = try itemList()
                if next != .end { throw fail("expected end; found \(next)") }
                elseList = body
            }
        }
        return BranchNode(pos: pipe.pos, line: pipe.line, pipe: pipe, list: list, elseList: elseList)
    }

    mutating func templateName(_ token: Token, _ context: String) throws(ParseFailure) -> String {
        guard token.kind == .string || token.kind == .rawString else { throw unexpected(token, context) }
        do { return try GoQuote.unquote(token.string) } catch { throw fail("invalid syntax") }
    }

    mutating func templateControl() throws(ParseFailure) -> Node {
        let context = "template clause"
        let token = nextNonSpace()
        let name = try templateName(token, context)
        var pipe: PipeNode?
        if nextNonSpace().kind != .rightDelim {
            backup()
            pipe = try pipeline(context: context, end: .rightDelim)
        }
        return .template(TemplateCallNode(pos: token.pos, line: token.line, name: name, pipe: pipe))
    }

    mutating func blockControl() throws(ParseFailure) -> Node {
        let context = "block clause"
        let token = nextNonSpace()
        let name = try templateName(token, context)
        let pipe = try pipeline(context: context, end: .rightDelim)
        let body = try withFreshScope { (p: inout Parser) throws(ParseFailure) in try p.itemList() }
        if body.1 != .end { throw fail("unexpected \(body.1) in \(context)") }
        try add(ParsedTree(name: name, source: source, root: body.0))
        return .template(TemplateCallNode(pos: token.pos, line: token.line, name: name, pipe: pipe))
    }
}
