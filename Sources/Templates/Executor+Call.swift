extension Executor {
    /// `site` is where call errors point (the command); `arity` where argument-count errors point (the name).
    func evalCall(_ dot: Value, _ function: TemplateFunction, name: String, isBuiltin: Bool, site: Site, arity: Site,
                  args: [ArgNode], final: Value?) throws(ExecFailure) -> Value {
        let numIn = args.count + (final != nil ? 1 : 0)
        let numFixed = function.variadic != nil ? function.params.count : args.count
        if function.variadic != nil {
            if numIn < numFixed {
                throw fail(arity, "wrong number of args for \(name): want at least \(function.params.count) got \(args.count)")
            }
        } else if numIn != function.params.count {
            throw fail(arity, "wrong number of args for \(name): want \(function.params.count) got \(numIn)")
        }
        if isBuiltin {
            // `and`/`or` evaluate their arguments lazily and return one of them.
            let isOr = name == "or"
            var value: Value = .missing
            for arg in args {
                value = try evalArg(dot, .reflectValue, arg)
                if value.truth == isOr { return value }
            }
            if let final { value = try validateType(final, .reflectValue, site) }
            return value
        }
        var argv: [Value] = []
        argv.reserveCapacity(numIn)
        var i = 0
        while i < numFixed && i < args.count {
            argv.append(try evalArg(dot, function.params[i], args[i]))
            i += 1
        }
        if let variadic = function.variadic {
            while i < args.count {
                argv.append(try evalArg(dot, variadic, args[i]))
                i += 1
            }
        }
        if let final {
            var param = function.params.last ?? .any
            if let variadic = function.variadic {
                param = numIn - 1 < numFixed ? function.params[numIn - 1] : variadic
            }
            argv.append(try validateType(final, param, site))
        }
        do {
            return try function.body(self, argv)
        } catch {
            if error.raw { throw ExecFailure(message: error.message) }
            throw fail(site, "error calling \(name): \(error.message)")
        }
    }

    func evalArg(_ dot: Value, _ param: TemplateFunction.Param?, _ node: ArgNode) throws(ExecFailure) -> Value {
        let site = Site.arg(node)
        switch node {
        case .dot: return try validateType(dot, param, site)
        case .nilLiteral:
            guard let param else { return .missing }
            if param.canBeNil { return Builtins.zero(param) }
            throw fail(site, "cannot assign nil to \(param.goName)")
        case .field(_, let idents):
            return try validateType(try evalFieldChain(dot, dot, site, idents, cmd: nil, hasArgs: false, final: nil), param, site)
        case .variable(_, let idents):
            return try validateType(try evalVariable(dot, node, idents, cmd: nil, final: nil), param, site)
        case .pipe(let pipe):
            return try validateType(try evalPipeline(dot, pipe), param, site)
        case .identifier(_, let name):
            return try validateType(try evalFunction(dot, name, site: site, cmd: nil, args: [], final: nil), param, site)
        case .chain(_, let base, let fields):
            return try validateType(try evalChain(dot, node, base, fields, cmd: nil, final: nil), param, site)
        default:
            break
        }
        switch param ?? .any {
        case .bool:
            if case .bool(_, let b) = node { return .bool(b) }
            throw fail(site, "expected bool; found \(node)")
        case .float64:
            if case .number(let n) = node, n.isFloat { return .float(n.float64) }
            throw fail(site, "expected float; found \(node)")
        case .int, .int64:
            if case .number(let n) = node, n.isInt {
                if param == .int64 { return .int(n.int64, .int64) }
                return .int(n.int64, .int)
            }
            throw fail(site, "expected integer; found \(node)")
        case .string:
            if case .string(_, _, let s) = node { return .string(s) }
            throw fail(site, "expected string; found \(node)")
        case .any, .reflectValue:
            switch node {
            case .bool(_, let b): return .bool(b)
            case .number(let n): return try idealConstant(n, node)
            case .string(_, _, let s): return .string(s)
            default: throw fail(site, "can't handle assignment of \(node) to empty interface argument")
            }
        case let other:
            throw fail(site, "can't handle \(node) for arg of type \(other.goName)")
        }
    }

    /// Go's validateType: the value must be assignable to the parameter type; nothing converts.
    func validateType(_ value: Value, _ param: TemplateFunction.Param?, _ site: Site) throws(ExecFailure) -> Value {
        guard let param else { return value }
        if case .missing = value {
            if param.canBeNil { return Builtins.zero(param) }
            throw fail(site, "invalid value; expected \(param.goName)")
        }
        switch (param, value) {
        case (.any, _), (.reflectValue, _): return value
        case (.string, .string), (.bool, .bool), (.float64, .float): return value
        case (.int, .int(_, .int)), (.int64, .int(_, .int64)): return value
        case (.list, .list(let l)) where l.elem == "interface {}": return value
        case (.stringList, .list(let l)) where l.elem == "string": return value
        case (.map, .map(let m)) where m.elem == "interface {}": return value
        default:
            let got = value.isNilOrMissing ? "interface {}" : value.typeName
            throw fail(site, "wrong type for value; expected \(param.goName); got \(got)")
        }
    }
}
