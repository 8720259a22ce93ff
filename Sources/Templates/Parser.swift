/// A parsed template body: the unit `{{define}}`, `{{block}}` and a file each produce.
final class ParsedTree: @unchecked Sendable {  // immutable after parsing; shared through ParseCache
    let name: String
    let source: TreeSource
    let root: [Node]

    init(name: String, source: TreeSource, root: [Node]) {
        self.name = name
        self.source = source
        self.root = root
    }

    /// Go's parse.IsEmptyTree: only whitespace text (and comments).
    var isEmpty: Bool {
        root.allSatisfy { node in
            if case .text(let bytes) = node { return bytes.allSatisfy(Lexer.isSpace) }
            return false
        }
    }
}

/// Why a template failed to parse, worded as Go words it.
struct ParseFailure: Error {
    let message: String
}

/// Go's text/template parser: tokens to trees, with Go's checks and error wording.
struct Parser {
    let source: TreeSource
    let hasFunction: (String) -> Bool
    var tokens: [Token] = []
    var index = 0
    /// The line of the last token taken, where Go's parse errors point.
    var lastLine = 1
    var vars: [String] = ["$"]
    var rangeDepth = 0
    var actionLine = 0
    var treeName: String
    var trees: [String: ParsedTree] = [:]
    var treeOrder: [String] = []

    init(name: String, text: [UInt8], leftDelim: String, rightDelim: String, hasFunction: @escaping (String) -> Bool) {
        source = TreeSource(name: name, text: text)
        self.hasFunction = hasFunction
        treeName = name
        var lexer = Lexer(input: text, leftDelim: leftDelim, rightDelim: rightDelim)
        tokens = lexer.run()
        lastLine = tokens.first?.line ?? 1
    }

    // MARK: token access (Go's next/backup/peek with spaces)

    mutating func next() -> Token {
        let token = tokens[min(index, tokens.count - 1)]
        index += 1
        lastLine = token.line
        return token
    }

    mutating func backup(_ n: Int = 1) { index -= n }

    func peek() -> Token { tokens[min(index, tokens.count - 1)] }

    /// Skips space tokens by looking at their kind in place (copying a token costs a retain).
    mutating func nextNonSpace() -> Token {
        let last = tokens.count - 1
        while tokens[min(index, last)].kind == .space { index += 1 }
        return next()
    }

    mutating func peekNonSpace() -> Token {
        let token = nextNonSpace()
        backup()
        return token
    }

    /// The kind of the next token, without taking or copying it.
    func peekKind() -> TokenKind { tokens[min(index, tokens.count - 1)].kind }

    /// `peekNonSpace().kind` without copying the token: skips the spaces and notes the line as it does.
    mutating func peekNonSpaceKind() -> TokenKind {
        let last = tokens.count - 1
        while tokens[min(index, last)].kind == .space { index += 1 }
        lastLine = tokens[min(index, last)].line
        return tokens[min(index, last)].kind
    }

    func fail(_ message: String) -> ParseFailure {
        ParseFailure(message: "template: \(source.name):\(lastLine): \(message)")
    }

    func unexpected(_ token: Token, _ context: String) -> ParseFailure {
        if token.kind == .error {
            var extra = ""
            if actionLine != 0 && actionLine != token.line {
                extra = " in action started at \(source.name):\(actionLine)"
                if token.string.hasSuffix(" action") { extra = String(extra.dropFirst(" in action".count)) }
            }
            return fail(token.string + extra)
        }
        return fail("unexpected \(token.described) in \(context)")
    }

    mutating func expect(_ kind: TokenKind, _ context: String) throws(ParseFailure) -> Token {
        let token = nextNonSpace()
        if token.kind != kind { throw unexpected(token, context) }
        return token
    }

    // MARK: top level

    /// Parses the whole text; returns every tree it defines, the top-level one under `name`.
    mutating func parse() throws(ParseFailure) -> [(String, ParsedTree)] {
        var root: [Node] = []
        while peekKind() != .eof {
            if peekKind() == .leftDelim {
                let mark = index
                _ = next()
                if nextNonSpace().kind == .define {
                    try parseDefinition()
                    continue
                }
                index = mark
            }
            let (node, terminator) = try textOrAction()
            if let terminator { throw fail("unexpected \(terminator)") }
            if let node { root.append(node) }
        }
        if case .error = peekKind() { throw unexpected(peek(), "input") }
        try add(ParsedTree(name: treeName, source: source, root: root))
        return treeOrder.map { ($0, trees[$0]!) }
    }

    mutating func add(_ tree: ParsedTree) throws(ParseFailure) {
        if let existing = trees[tree.name], !existing.isEmpty {
            if !tree.isEmpty { throw fail("template: multiple definition of template \(GoQuote.quote(tree.name))") }
            return
        }
        if trees[tree.name] == nil { treeOrder.append(tree.name) }
        trees[tree.name] = tree
    }

    mutating func parseDefinition() throws(ParseFailure) {
        let context = "define clause"
        let token = nextNonSpace()
        guard token.kind == .string || token.kind == .rawString else { throw unexpected(token, context) }
        let name: String
        do { name = try GoQuote.unquote(token.string) } catch { throw fail("invalid syntax") }
        _ = try expect(.rightDelim, context)
        let body = try withFreshScope { (p: inout Parser) throws(ParseFailure) in try p.itemList() }
        if body.1 != .end { throw fail("unexpected \(body.1.text) in \(context)") }
        try add(ParsedTree(name: name, source: source, root: body.0))
    }

    mutating func withFreshScope<T>(_ body: (inout Parser) throws(ParseFailure) -> T) throws(ParseFailure) -> T {
        let savedVars = vars
        let savedRange = rangeDepth
        vars = ["$"]
        rangeDepth = 0
        defer {
            vars = savedVars
            rangeDepth = savedRange
        }
        return try body(&self)
    }
}

/// How a list of nodes ended: at `{{end}}`, at `{{else}}`, or with `{{else if`.
enum ListTerminator: Equatable, CustomStringConvertible {
    case end, elseClause, elseIf

    var text: String { self == .end ? "{{end}}" : "{{else}}" }
    var description: String { text }
}
