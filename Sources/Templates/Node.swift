/// The text a tree was parsed from, so nodes can report `name:line:col` as Go does.
final class TreeSource: @unchecked Sendable {
    // Immutable after creation; shared by every node of one parse.
    let name: String
    let text: [UInt8]

    init(name: String, text: [UInt8]) {
        self.name = name
        self.text = text
    }

    /// `name:line:col` for a byte offset, with Go's column rule (bytes after the last newline).
    func location(of pos: Int) -> String {
        var line = 1
        var lastNewline = -1
        var i = 0
        let end = min(pos, text.count)
        while i < end {
            if text[i] == 0x0A {
                line += 1
                lastNewline = i
            }
            i += 1
        }
        let col = lastNewline == -1 ? pos : pos - (lastNewline + 1)
        return "\(name):\(line):\(col)"
    }
}

/// A number literal with every interpretation Go's parser computes for it.
final class NumberNode {
    let pos: Int
    let text: String
    var isInt = false, isUint = false, isFloat = false, isComplex = false
    var int64: Int64 = 0
    var uint64: UInt64 = 0
    var float64: Double = 0
    var complex: (Double, Double) = (0, 0)
    /// The constant's value once the executor has computed it.
    var constant: Value?

    init(pos: Int, text: String) {
        self.pos = pos
        self.text = text
    }
}

/// An operand of a command: what can appear between spaces in a pipeline stage.
indirect enum ArgNode {
    case field(pos: Int, idents: [String])
    case variable(pos: Int, idents: [String])
    case dot(pos: Int)
    case nilLiteral(pos: Int)
    case bool(pos: Int, value: Bool)
    case number(NumberNode)
    case string(pos: Int, quoted: String, value: String)
    case identifier(pos: Int, name: String)
    case pipe(PipeNode)
    case chain(pos: Int, node: ArgNode, fields: [String])

    var pos: Int {
        switch self {
        case .field(let pos, _), .variable(let pos, _), .dot(let pos), .nilLiteral(let pos), .bool(let pos, _),
            .string(let pos, _, _), .identifier(let pos, _), .chain(let pos, _, _):
            return pos
        case .number(let node): return node.pos
        case .pipe(let pipe): return pipe.pos
        }
    }
}

/// One stage of a pipeline: a function or value followed by its arguments.
final class CommandNode {
    let pos: Int
    var args: [ArgNode] = [] { didSet { rest = Array(args.dropFirst()) } }
    /// The arguments after the first word, computed once.
    private(set) var rest: [ArgNode] = []

    init(pos: Int) { self.pos = pos }
}

/// A pipeline with optional variable declarations (`$x := …`) or assignments (`$x = …`).
final class PipeNode {
    let pos: Int
    let line: Int
    var isAssign = false
    var decl: [String] = []
    var cmds: [CommandNode] = []

    init(pos: Int, line: Int) {
        self.pos = pos
        self.line = line
    }
}

/// An `if`, `range` or `with` with its branches.
final class BranchNode {
    let pos: Int
    let line: Int
    let pipe: PipeNode
    let list: [Node]
    let elseList: [Node]?

    init(pos: Int, line: Int, pipe: PipeNode, list: [Node], elseList: [Node]?) {
        self.pos = pos
        self.line = line
        self.pipe = pipe
        self.list = list
        self.elseList = elseList
    }
}

/// A `{{template "name" pipeline}}` call.
final class TemplateCallNode {
    let pos: Int
    let line: Int
    let name: String
    let pipe: PipeNode?

    init(pos: Int, line: Int, name: String, pipe: PipeNode?) {
        self.pos = pos
        self.line = line
        self.name = name
        self.pipe = pipe
    }
}

/// A node of a template body.
enum Node {
    case text([UInt8])
    case action(pos: Int, line: Int, pipe: PipeNode)
    case ifNode(BranchNode)
    case rangeNode(BranchNode)
    case withNode(BranchNode)
    case template(TemplateCallNode)
    case breakNode(pos: Int)
    case continueNode(pos: Int)
}
