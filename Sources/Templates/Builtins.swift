/// text/template's built-in functions (`and`, `index`, `printf`, `eq`, …) with Go's behaviour and errors.
public enum Builtins {
    static func isShortCircuit(_ name: String) -> Bool { name == "and" || name == "or" }

    static func zero(_ param: TemplateFunction.Param) -> Value {
        switch param {
        case .any: return .null
        case .reflectValue: return .missing
        case .list: return .list(ListValue([]))
        case .stringList: return .list(ListValue([], elem: "string"))
        case .map: return .map(MapValue([:]))
        case .string: return .string("")
        case .int: return .int(0, .int)
        case .int64: return .int(0, .int64)
        case .float64: return .float(0)
        case .bool: return .bool(false)
        }
    }

    /// The zero value of a Go element type named by a list or map.
    static func zeroValue(of elem: String) -> Value {
        switch elem {
        case "string": return .string("")
        case "int": return .int(0, .int)
        case "int64": return .int(0, .int64)
        case "float64": return .float(0)
        case "bool": return .bool(false)
        case "uint8": return .int(0, .uint8)
        default: return .null
        }
    }

    /// The built-ins as a function table.
    public static var table: FunctionTable {
        var t = FunctionTable()
        t["and"] = TemplateFunction([.reflectValue], variadic: .reflectValue) { _, a in a.last ?? .missing }
        t["or"] = TemplateFunction([.reflectValue], variadic: .reflectValue) { _, a in a.last ?? .missing }
        t["not"] = TemplateFunction([.reflectValue]) { _, a in .bool(!a[0].truth) }
        t["len"] = TemplateFunction([.reflectValue]) { _, a throws(FunctionError) in try length(a[0]) }
        t["index"] = TemplateFunction([.reflectValue], variadic: .reflectValue) { _, a throws(FunctionError) in
            try index(a[0], Array(a.dropFirst()))
        }
        t["slice"] = TemplateFunction([.reflectValue], variadic: .reflectValue) { _, a throws(FunctionError) in
            try slice(a[0], Array(a.dropFirst()))
        }
        t["print"] = TemplateFunction([], variadic: .any) { _, a in .string(GoFormatter.sprint(a)) }
        t["println"] = TemplateFunction([], variadic: .any) { _, a in .string(GoFormatter.sprintln(a)) }
        t["printf"] = TemplateFunction([.string], variadic: .any) { _, a in
            guard case .string(let format) = a[0] else { return .string("") }
            return .string(GoFormatter.sprintf(format, Array(a.dropFirst())))
        }
        t["html"] = TemplateFunction([], variadic: .any) { _, a in .string(Escaping.html(evalArgs(a))) }
        t["js"] = TemplateFunction([], variadic: .any) { _, a in .string(Escaping.js(evalArgs(a))) }
        t["urlquery"] = TemplateFunction([], variadic: .any) { _, a in .string(Escaping.queryEscape(evalArgs(a))) }
        t["call"] = TemplateFunction([.reflectValue], variadic: .reflectValue) { executor, a throws(FunctionError) in
            try call(executor, a[0], Array(a.dropFirst()))
        }
        t["eq"] = TemplateFunction([.reflectValue], variadic: .reflectValue) { _, a throws(FunctionError) in
            .bool(try Comparison.eq(a[0], Array(a.dropFirst())))
        }
        t["ne"] = TemplateFunction([.reflectValue, .reflectValue]) { _, a throws(FunctionError) in
            .bool(!(try Comparison.eq(a[0], [a[1]])))
        }
        t["lt"] = TemplateFunction([.reflectValue, .reflectValue]) { _, a throws(FunctionError) in
            .bool(try Comparison.lt(a[0], a[1]))
        }
        t["le"] = TemplateFunction([.reflectValue, .reflectValue]) { _, a throws(FunctionError) in
            .bool(try Comparison.le(a[0], a[1]))
        }
        t["gt"] = TemplateFunction([.reflectValue, .reflectValue]) { _, a throws(FunctionError) in
            .bool(!(try Comparison.le(a[0], a[1])))
        }
        t["ge"] = TemplateFunction([.reflectValue, .reflectValue]) { _, a throws(FunctionError) in
            .bool(!(try Comparison.lt(a[0], a[1])))
        }
        return t
    }

    /// text/template's evalArgs: one string argument as is, otherwise Sprint with nils as `<no value>`.
    static func evalArgs(_ args: [Value]) -> String {
        if args.count == 1, case .string(let s) = args[0] { return s }
        let printable = args.map { v -> Value in v.isNilOrMissing ? .string("<no value>") : v }
        return GoFormatter.sprint(printable)
    }

    static func length(_ item: Value) throws(FunctionError) -> Value {
        switch item {
        case .missing: throw FunctionError("reflect: call of reflect.Value.Type on zero Value")
        case .null: throw FunctionError("len of nil pointer")
        case .string(let s): return .int(Int64(s.utf8.count), .int)
        case .list(let l): return .int(Int64(l.items.count), .int)
        case .map(let m): return .int(Int64(m.entries.count), .int)
        default: throw FunctionError("len of type \(item.typeName)")
        }
    }

    static func indexArg(_ index: Value, _ cap: Int) throws(FunctionError) -> Int {
        let x: Int64
        switch index {
        case .int(let i, _): x = i
        case .missing, .null: throw FunctionError("cannot index slice/array with nil")
        default: throw FunctionError("cannot index slice/array with type \(index.typeName)")
        }
        if x < 0 || x > Int64(cap) { throw FunctionError("index out of range: \(x)") }
        return Int(x)
    }

    static func index(_ item: Value, _ indexes: [Value]) throws(FunctionError) -> Value {
        var item = item
        if item.isNilOrMissing { throw FunctionError("index of untyped nil") }
        for index in indexes {
            switch item {
            case .null: throw FunctionError("index of nil pointer")
            case .list(let list):
                let x = try indexArg(index, list.items.count)
                if x == list.items.count { throw FunctionError("reflect: slice index out of range") }
                item = list.items[x]
            case .string(let s):
                let bytes = s.utf8
                let x = try indexArg(index, bytes.count)
                if x == bytes.count { throw FunctionError("reflect: string index out of range") }
                item = .int(Int64(bytes[bytes.index(bytes.startIndex, offsetBy: x)]), .uint8)
            case .map(let map):
                let key: String
                switch index {
                case .string(let s): key = s
                case .missing, .null: throw FunctionError("value is nil; should be of type string")
                default: throw FunctionError("value has type \(index.typeName); should be string")
                }
                item = map.entries[key] ?? zeroValue(of: map.elem)
            default:
                throw FunctionError("can't index item of type \(item.typeName)")
            }
        }
        return item
    }

    static func slice(_ item: Value, _ indexes: [Value]) throws(FunctionError) -> Value {
        if item.isNilOrMissing { throw FunctionError("slice of untyped nil") }
        if indexes.count > 3 { throw FunctionError("too many slice indexes: \(indexes.count)") }
        let count: Int
        switch item {
        case .string(let s):
            if indexes.count == 3 { throw FunctionError("cannot 3-index slice a string") }
            count = s.utf8.count
        case .list(let l): count = l.items.count
        default: throw FunctionError("can't slice item of type \(item.typeName)")
        }
        var idx = [0, count, count]
        for (i, index) in indexes.enumerated() { idx[i] = try indexArg(index, count) }
        if idx[0] > idx[1] { throw FunctionError("invalid slice index: \(idx[0]) > \(idx[1])") }
        if indexes.count == 3 && idx[1] > idx[2] { throw FunctionError("invalid slice index: \(idx[1]) > \(idx[2])") }
        switch item {
        case .string(let s):
            let bytes = Array(s.utf8)[idx[0]..<idx[1]]
            return .string(String(decoding: bytes, as: UTF8.self))
        case .list(let l):
            return .list(ListValue(Array(l.items[idx[0]..<idx[1]]), elem: l.elem))
        default:
            return item
        }
    }

    static func call(_ executor: Executor, _ fn: Value, _ args: [Value]) throws(FunctionError) -> Value {
        switch fn {
        case .missing, .null: throw FunctionError("call of nil")
        case .function(let function):
            return try function.body(executor, args)
        default:
            throw FunctionError("non-function of type \(fn.typeName)")
        }
    }
}
