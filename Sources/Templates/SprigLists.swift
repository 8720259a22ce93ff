/// Sprig's list functions.
enum SprigLists {
    typealias F = TemplateFunction

    static func kindError(_ what: String, _ v: Value) -> FunctionError {
        if v.isNilOrMissing { return FunctionError("runtime error: invalid memory address or nil pointer dereference") }
        return FunctionError("Cannot \(what) on type \(v.kindName)")
    }

    static func items(_ v: Value, _ what: String) throws(FunctionError) -> [Value] {
        if case .list(let l) = v { return l.items }
        throw kindError(what, v)
    }

    static func both(_ t: inout FunctionTable, _ name: String, _ f: F) {
        t[name] = f
        t["must" + name.prefix(1).uppercased() + name.dropFirst()] = f
    }

    static func register(_ t: inout FunctionTable) {
        t["list"] = F([], variadic: .any) { _, a in Convert.list(a) }
        t["tuple"] = t["list"]
        let push = F([.any, .any]) { _, a throws(FunctionError) in Convert.list(try items(a[0], "push") + [a[1]]) }
        t["push"] = push; t["append"] = push; t["mustPush"] = push; t["mustAppend"] = push
        both(&t, "prepend", F([.any, .any]) { _, a throws(FunctionError) in Convert.list([a[1]] + (try items(a[0], "prepend"))) })
        both(&t, "first", F([.any]) { _, a throws(FunctionError) in try items(a[0], "find first").first ?? .null })
        both(&t, "last", F([.any]) { _, a throws(FunctionError) in try items(a[0], "find last").last ?? .null })
        both(&t, "rest", F([.any]) { _, a throws(FunctionError) in
            let l = try items(a[0], "find rest")
            return l.isEmpty ? .list(ListValue([])) : Convert.list(Array(l.dropFirst()))
        })
        both(&t, "initial", F([.any]) { _, a throws(FunctionError) in
            let l = try items(a[0], "find initial")
            return l.isEmpty ? .list(ListValue([])) : Convert.list(Array(l.dropLast()))
        })
        both(&t, "reverse", F([.any]) { _, a throws(FunctionError) in Convert.list(try items(a[0], "find reverse").reversed()) })
        both(&t, "compact", F([.any]) { _, a throws(FunctionError) in
            Convert.list(try items(a[0], "compact").filter { !Convert.isEmpty($0) })
        })
        both(&t, "uniq", F([.any]) { _, a throws(FunctionError) in
            var out: [Value] = []
            for item in try items(a[0], "find uniq") where !out.contains(where: { Convert.deepEqual($0, item) }) {
                out.append(item)
            }
            return Convert.list(out)
        })
        both(&t, "without", F([.any], variadic: .any) { _, a throws(FunctionError) in
            let omit = Array(a.dropFirst())
            return Convert.list(try items(a[0], "find without").filter { item in !omit.contains { Convert.deepEqual($0, item) } })
        })
        both(&t, "has", F([.any, .any]) { _, a throws(FunctionError) in
            if a[1].isNilOrMissing { return .bool(false) }
            return .bool(try items(a[1], "find has").contains { Convert.deepEqual(a[0], $0) })
        })
        both(&t, "slice", F([.any], variadic: .any) { _, a throws(FunctionError) in
            guard case .list(let list) = a[0] else {
                if a[0].isNilOrMissing { throw kindError("", a[0]) }
                throw FunctionError("list should be type of slice or array but \(a[0].kindName)")
            }
            if list.items.isEmpty { return .null }
            let start = a.count > 1 ? Int(Convert.toInt64(a[1])) : 0
            let end = a.count > 2 ? Int(Convert.toInt64(a[2])) : list.items.count
            guard start >= 0, start <= end, end <= list.items.count else {
                throw FunctionError("reflect.Value.Slice: slice index out of bounds")
            }
            return .list(ListValue(Array(list.items[start..<end]), elem: list.elem))
        })
        t["concat"] = F([], variadic: .any) { _, a throws(FunctionError) in
            var out: [Value] = []
            for list in a {
                guard case .list(let l) = list else {
                    if list.isNilOrMissing { throw kindError("", list) }
                    throw FunctionError("Cannot concat type \(list.kindName) as list")
                }
                out += l.items
            }
            return Convert.list(out)
        }
        both(&t, "chunk", F([.int, .any]) { _, a throws(FunctionError) in
            let size = Int(Convert.toInt64(a[0]))
            let l = try items(a[1], "chunk")
            guard size > 0 else { throw FunctionError("runtime error: integer divide by zero") }
            var out: [Value] = []
            var i = 0
            while i < l.count {
                out.append(Convert.list(Array(l[i..<min(i + size, l.count)])))
                i += size
            }
            return .list(ListValue(out, elem: "[]interface {}"))
        })
        t["until"] = F([.int]) { _, a throws(FunctionError) in
            let count = Int(Convert.toInt64(a[0]))
            try RenderLimits.checkItems(count.magnitude > Int.max ? -1 : Int(count.magnitude), "until")
            return ints(untilStep(0, count, count < 0 ? -1 : 1))
        }
        t["untilStep"] = F([.int, .int, .int]) { _, a throws(FunctionError) in
            let start = Int(Convert.toInt64(a[0])), stop = Int(Convert.toInt64(a[1])), step = Int(Convert.toInt64(a[2]))
            try checkRange(start, stop, step, "untilStep")
            return ints(untilStep(start, stop, step))
        }
        t["seq"] = F([], variadic: .int) { _, a throws(FunctionError) in
            let p = a.map { Int(Convert.toInt64($0)) }
            if p.count >= 2 { try checkRange(p[0], p[p.count - 1], p.count == 3 ? p[1] : 1, "seq") }
            if p.count == 1 { try RenderLimits.checkItems(p[0].magnitude > Int.max ? -1 : Int(p[0].magnitude), "seq") }
            return .string(seq(p))
        }
    }

    static func checkRange(_ start: Int, _ stop: Int, _ step: Int, _ what: String) throws(FunctionError) {
        let (span, overflow) = stop.subtractingReportingOverflow(start)
        if overflow { throw FunctionError("\(what): range too large") }
        let s = step == 0 ? 1 : step.magnitude
        try RenderLimits.checkItems(Int(span.magnitude / s), what)
    }

    static func ints(_ v: [Int]) -> Value { .list(ListValue(v.map { .int(Int64($0), .int) }, elem: "int")) }

    static func untilStep(_ start: Int, _ stop: Int, _ step: Int) -> [Int] {
        var v: [Int] = []
        if stop < start {
            if step >= 0 { return v }
            var i = start
            while i > stop {
                v.append(i)
                i += step
            }
            return v
        }
        if step <= 0 { return v }
        var i = start
        while i < stop {
            v.append(i)
            i += step
        }
        return v
    }

    static func seq(_ p: [Int]) -> String {
        func text(_ v: [Int]) -> String { v.map(String.init).joined(separator: " ") }
        switch p.count {
        case 1:
            let end = p[0]
            let inc = end < 1 ? -1 : 1
            return text(untilStep(1, end + inc, inc))
        case 2:
            let step = p[1] < p[0] ? -1 : 1
            return text(untilStep(p[0], p[1] + step, step))
        case 3:
            var inc = 1
            if p[2] < p[0] {
                inc = -1
                if p[1] > 0 { return "" }
            }
            return text(untilStep(p[0], p[2] + inc, p[1]))
        default:
            return ""
        }
    }
}
