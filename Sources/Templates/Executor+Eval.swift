extension Executor {
    func evalPipeline(_ dot: Value, _ pipe: PipeNode) throws(ExecFailure) -> Value {
        var value: Value? = nil
        for cmd in pipe.cmds {
            value = try evalCommand(dot, cmd, final: value, in: pipe).concrete
        }
        let result = value ?? .missing
        for name in pipe.decl {
            if pipe.isAssign {
                guard let index = vars.lastIndex(where: { $0.name == name }) else {
                    throw fail(.pipe(pipe), "undefined variable: \(name)")
                }
                vars[index].value = result
            } else {
                vars.append((name, result))
            }
        }
        return result
    }

    func evalCommand(_ dot: Value, _ cmd: CommandNode, final: Value?, in enclosing: PipeNode) throws(ExecFailure) -> Value {
        let first = cmd.args[0]
        switch first {
        case .field(_, let idents):
            return try evalFieldChain(dot, dot, .arg(first), idents, cmd: cmd, hasArgs: true, final: final)
        case .chain(_, let base, let fields):
            return try evalChain(dot, first, base, fields, cmd: cmd, final: final)
        case .identifier(_, let name):
            return try evalFunction(dot, name, site: .arg(first), cmd: cmd, args: cmd.rest, final: final)
        case .pipe(let pipe):
            // Go reports this at the enclosing pipeline and prints the inner one without parentheses.
            if cmd.args.count > 1 || final != nil {
                throw fail(.pipe(enclosing), "can't give argument to non-function \(pipe.description)")
            }
            return try evalPipeline(dot, pipe)
        case .variable(_, let idents):
            return try evalVariable(dot, first, idents, cmd: cmd, final: final)
        default:
            break
        }
        try notAFunction(cmd, final, first)
        switch first {
        case .bool(_, let value): return .bool(value)
        case .dot: return dot
        case .nilLiteral: throw fail(.arg(first), "nil is not a command")
        case .number(let number): return try idealConstant(number, first)
        case .string(_, _, let value): return .string(value)
        default: throw fail(.arg(first), "can't evaluate command \(first)")
        }
    }

    func notAFunction(_ cmd: CommandNode, _ final: Value?, _ first: ArgNode) throws(ExecFailure) {
        if cmd.args.count > 1 || final != nil {
            throw fail(.arg(first), "can't give argument to non-function \(first)")
        }
    }

    func idealConstant(_ n: NumberNode, _ node: ArgNode) throws(ExecFailure) -> Value {
        if let constant = n.constant { return constant }
        return try computeConstant(n, node)
    }

    func computeConstant(_ n: NumberNode, _ node: ArgNode) throws(ExecFailure) -> Value {
        if let value = NumberLiteral.constant(n) { return value }
        if n.isUint { throw fail(.arg(node), "\(n.text) overflows int") }
        return .missing
    }

    func evalVariable(_ dot: Value, _ node: ArgNode, _ idents: [String], cmd: CommandNode?, final: Value?) throws(ExecFailure) -> Value {
        guard let entry = vars.last(where: { $0.name == idents[0] }) else {
            throw fail(.arg(node), "undefined variable: \(idents[0])")
        }
        if idents.count == 1 {
            if let cmd { try notAFunction(cmd, final, node) }
            return entry.value
        }
        return try evalFieldChain(dot, entry.value, .arg(node), Array(idents.dropFirst()), cmd: cmd, hasArgs: cmd != nil, final: final)
    }

    func evalChain(_ dot: Value, _ node: ArgNode, _ base: ArgNode, _ fields: [String], cmd: CommandNode?, final: Value?) throws(ExecFailure) -> Value {
        if case .nilLiteral = base { throw fail(.arg(node), "indirection through explicit nil in \(node)") }
        let receiver = try evalArg(dot, nil, base)
        return try evalFieldChain(dot, receiver, .arg(node), fields, cmd: cmd, hasArgs: cmd != nil, final: final)
    }

    /// Walks `.a.b.c`; only the last name receives the command's arguments.
    func evalFieldChain(_ dot: Value, _ start: Value, _ site: Site, _ idents: [String], cmd: CommandNode?, hasArgs: Bool, final: Value?) throws(ExecFailure) -> Value {
        var receiver = start
        var viaInterface = false
        for name in idents.dropLast() {
            let container = receiver
            receiver = try evalField(dot, name, site, cmd: nil, final: nil, receiver, viaInterface: viaInterface)
            if case .map(let map) = container { viaInterface = map.elem == "interface {}" } else { viaInterface = false }
        }
        return try evalField(dot, idents[idents.count - 1], site, cmd: hasArgs ? cmd : nil, final: final, receiver,
                             viaInterface: viaInterface)
    }

    /// `viaInterface`: the receiver came out of a map[string]interface{}, so Go names its type `interface {}`.
    func evalField(_ dot: Value, _ name: String, _ site: Site, cmd: CommandNode?, final: Value?, _ receiver: Value,
                   viaInterface: Bool = false) throws(ExecFailure) -> Value {
        let typeName = viaInterface ? "interface {}" : receiver.typeName
        let hasArgs = (cmd?.args.count ?? 0) > 1 || final != nil
        switch receiver {
        case .missing:
            if missingKey == .error { throw fail(site, "nil data; no entry for key \(GoQuote.quote(name))") }
            return .missing
        case .null:
            throw fail(site, "nil pointer evaluating interface {}.\(name)")
        case .map(let map):
            if hasArgs { throw fail(site, "\(name) is not a method but has arguments") }
            if let value = map.entries[name] { return value }
            switch missingKey {
            case .zero: return map.elem == "interface {}" ? .null : Builtins.zeroValue(of: map.elem)
            case .error: throw fail(site, "map has no entry for key \(GoQuote.quote(name))")
            default: return .missing
            }
        case .object(let object):
            switch object.member(name) {
            case .field(let value)?:
                if hasArgs { throw fail(site, "\(name) is not a method but has arguments") }
                return value
            case .method(let function)?:
                let args = cmd?.rest ?? []
                return try evalCall(dot, function, name: name, isBuiltin: false, site: cmd.map { .command($0) } ?? site,
                                    arity: site, args: args, final: final)
            case nil:
                throw fail(site, "can't evaluate field \(name) in type \(typeName)")
            }
        default:
            throw fail(site, "can't evaluate field \(name) in type \(typeName)")
        }
    }

    func evalFunction(_ dot: Value, _ name: String, site: Site, cmd: CommandNode?, args: [ArgNode], final: Value?) throws(ExecFailure) -> Value {
        guard let function = templateSet.functions[name] else {
            throw fail(site, "\(GoQuote.quote(name)) is not a defined function")
        }
        let callSite: Site = cmd.map { .command($0) } ?? site
        return try evalCall(dot, function, name: name, isBuiltin: Builtins.isShortCircuit(name), site: callSite,
                            arity: site, args: args, final: final)
    }
}
