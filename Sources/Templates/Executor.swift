/// Why execution stopped, worded as Go's ExecError.
struct ExecFailure: Error {
    let message: String
}

/// Where an error happened: the node Go's `state.at` last pointed to.
enum Site {
    case arg(ArgNode)
    case command(CommandNode)
    case pipe(PipeNode)
    case node(Node, Int)
    case none

    var pos: Int? {
        switch self {
        case .arg(let node): node.pos
        case .command(let cmd): cmd.pos
        case .pipe(let pipe): pipe.pos
        case .node(_, let pos): pos
        case .none: nil
        }
    }

    var context: String {
        switch self {
        case .arg(let node): node.description
        case .command(let cmd): cmd.description
        case .pipe(let pipe): pipe.description
        case .node(let node, _): node.description
        case .none: ""
        }
    }
}

/// Whether a walk finished normally or hit `{{break}}`/`{{continue}}`.
enum Flow {
    case normal, breakLoop, continueLoop
}

/// Executes parsed trees with Go's semantics; one instance per top-level execution.
public final class Executor {
    let templateSet: TemplateSet
    var output: [UInt8] = []
    var vars: [(name: String, value: Value)] = []
    var tree: ParsedTree?
    var depth = 0
    /// Helm's include counters by template name.
    var includeCounts: [String: Int] = [:]
    /// State of the deterministic generator behind Sprig's random functions.
    var randomState: UInt64 = 0

    init(set: TemplateSet) {
        self.templateSet = set
        output.reserveCapacity(4096)
    }

    public var templates: TemplateSet { templateSet }

    var missingKey: MissingKey { templateSet.options.missingKey }

    func run(name: String, data: Value) throws(ExecFailure) -> [UInt8] {
        guard let tree = templateSet.trees[name] else {
            throw ExecFailure(message: "template: \(name): \"\(name)\" is an incomplete or empty template")
        }
        self.tree = tree
        vars = [("$", data)]
        _ = try walk(data, tree.root)
        return output
    }

    /// Executes another template of the set into a string (for `include`), keeping this execution's state.
    public func render(name: String, data: Value) throws(FunctionError) -> String {
        guard let target = templateSet.trees[name] else {
            throw FunctionError("template: no template \(GoQuote.quote(name)) associated with template \(GoQuote.quote(tree?.name ?? name))")
        }
        if depth >= templateSet.options.maxDepth {
            throw FunctionError("template: \(target.name): exceeded maximum template depth (\(templateSet.options.maxDepth))")
        }
        let savedOutput = output, savedVars = vars, savedTree = tree
        output = []
        vars = [("$", data)]
        tree = target
        depth += 1
        defer {
            output = savedOutput
            vars = savedVars
            tree = savedTree
            depth -= 1
        }
        do {
            _ = try walkNested(data, target.root)
        } catch {
            throw FunctionError(error.message)
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// The name of the template being executed.
    public var currentTemplateName: String { tree?.name ?? "" }

    func fail(_ site: Site, _ message: String) -> ExecFailure {
        let name = tree?.name ?? ""
        guard let pos = site.pos, let source = tree?.source else {
            return ExecFailure(message: "template: \(name): \(message)")
        }
        let location = source.location(of: pos)
        return ExecFailure(message: "template: \(location): executing \(GoQuote.quote(name)) at <\(site.context)>: \(message)")
    }

    /// `name:line:col` of a site in the current template (Helm's error wording needs it).
    func location(_ site: Site) -> String {
        guard let pos = site.pos, let source = tree?.source else { return tree?.name ?? "" }
        return source.location(of: pos)
    }

    // MARK: walking

    func walk(_ dot: Value, _ nodes: [Node]) throws(ExecFailure) -> Flow {
        for node in nodes {
            switch node {
            case .text(let bytes):
                output.append(contentsOf: bytes)
                if output.count > templateSet.options.maxOutputBytes {
                    throw ExecFailure(message: "template: \(tree?.name ?? ""): output exceeds \(templateSet.options.maxOutputBytes) bytes")
                }
            case .action(_, _, let pipe):
                let value = try evalPipeline(dot, pipe)
                if pipe.decl.isEmpty {
                    try printValue(node, pipe.pos, value)
                    if output.count > templateSet.options.maxOutputBytes {
                        throw fail(.node(node, pipe.pos), "output exceeds \(templateSet.options.maxOutputBytes) bytes")
                    }
                }
            case .ifNode(let branch):
                let flow = try walkIfOrWith(dot, branch, isWith: false)
                if flow != .normal { return flow }
            case .withNode(let branch):
                let flow = try walkIfOrWith(dot, branch, isWith: true)
                if flow != .normal { return flow }
            case .rangeNode(let branch):
                try walkRange(dot, branch, node)
            case .template(let call):
                try walkTemplate(dot, call, node)
            case .breakNode: return .breakLoop
            case .continueNode: return .continueLoop
            }
        }
        return .normal
    }

    func printValue(_ node: Node, _ pos: Int, _ value: Value) throws(ExecFailure) {
        switch value {
        case .string(let s): output.append(contentsOf: s.utf8)
        case .missing: output.append(contentsOf: HelmText.noValue)
        case .function:
            throw fail(.node(node, pos), "can't print \(node) of type \(value.typeName)")
        default:
            output.append(contentsOf: GoFormatter.print(value).utf8)
        }
    }

    func walkIfOrWith(_ dot: Value, _ branch: BranchNode, isWith: Bool) throws(ExecFailure) -> Flow {
        let mark = vars.count
        defer { vars.removeSubrange(mark...) }
        let value = try evalPipeline(dot, branch.pipe)
        if value.truth {
            return try walk(isWith ? value : dot, branch.list)
        } else if let elseList = branch.elseList {
            return try walk(dot, elseList)
        }
        return .normal
    }

    func walkRange(_ dot: Value, _ branch: BranchNode, _ node: Node) throws(ExecFailure) {
        let outerMark = vars.count
        defer { vars.removeSubrange(outerMark...) }
        let value = try evalPipeline(dot, branch.pipe)
        let mark = vars.count
        let declCount = branch.pipe.decl.count
        func iterate(_ index: Value, _ element: Value) throws(ExecFailure) -> Flow {
            if declCount > 0 { vars[mark - 1].value = element }
            if declCount > 1 { vars[mark - 2].value = index }
            defer { vars.removeSubrange(mark...) }
            return try walk(element, branch.list)
        }
        switch value {
        case .list(let list):
            if !list.items.isEmpty {
                for (i, item) in list.items.enumerated() {
                    if try iterate(.int(Int64(i), .int), item) == .breakLoop { break }
                }
                return
            }
        case .map(let map):
            if !map.entries.isEmpty {
                // Go reads each value when its turn comes; the snapshot serves while the body leaves the map alone.
                let version = map.version
                for (key, value) in map.sortedEntries {
                    let current = map.version == version ? value : map.entries[key]!
                    if try iterate(.string(key), current) == .breakLoop { break }
                }
                return
            }
        case .int(let n, let kind):
            // Go 1.22+: range over an integer yields 0..<n.
            if declCount > 1 {
                throw fail(.node(node, branch.pos), "can't use \(n) to iterate over more than one variable")
            }
            if n > 0 {
                for i in 0..<n {
                    if try iterate(.missing, .int(i, kind)) == .breakLoop { break }
                }
                return
            }
        case .missing, .null:
            break
        default:
            throw fail(.pipe(branch.pipe), "range can't iterate over \(GoFormatter.print(value))")
        }
        if let elseList = branch.elseList { _ = try walk(dot, elseList) }
    }

    func walkTemplate(_ dot: Value, _ call: TemplateCallNode, _ node: Node) throws(ExecFailure) {
        let site = Site.node(node, call.pos)
        guard let target = templateSet.trees[call.name] else {
            throw fail(site, "template \(GoQuote.quote(call.name)) not defined")
        }
        if depth >= templateSet.options.maxDepth {
            throw fail(site, "exceeded maximum template depth (\(templateSet.options.maxDepth))")
        }
        let newDot = call.pipe == nil ? Value.missing : try evalPipeline(dot, call.pipe!)
        let savedVars = vars, savedTree = tree
        vars = [("$", newDot)]
        tree = target
        depth += 1
        defer {
            vars = savedVars
            tree = savedTree
            depth -= 1
        }
        _ = try walkNested(newDot, target.root)
    }

    /// Walks a nested template; deep nesting continues on a fresh large-stack thread, so a caller on a
    /// small stack (a cooperative-pool thread) survives Go's and Helm's recursion limits.
    func walkNested(_ dot: Value, _ nodes: [Node]) throws(ExecFailure) -> Flow {
        guard depth % 256 == 8 else { return try walk(dot, nodes) }
        nonisolated(unsafe) var result: Result<Flow, ExecFailure> = .success(.normal)
        nonisolated(unsafe) let executor = self
        BigStack.run { result = Result { () throws(ExecFailure) in try executor.walk(dot, nodes) } }
        return try result.get()
    }
}
