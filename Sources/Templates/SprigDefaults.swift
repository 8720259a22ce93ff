/// Sprig's defaults, flow, type-reflection and JSON functions.
enum SprigDefaults {
    typealias F = TemplateFunction

    static func register(_ t: inout FunctionTable) {
        t["default"] = F([.any], variadic: .any) { _, a in
            if a.count < 2 || Convert.isEmpty(a[1]) { return a[0] }
            return a[1]
        }
        t["empty"] = F([.any]) { _, a in .bool(Convert.isEmpty(a[0])) }
        t["coalesce"] = F([], variadic: .any) { _, a in a.first { !Convert.isEmpty($0) } ?? .null }
        t["all"] = F([], variadic: .any) { _, a in .bool(a.allSatisfy { !Convert.isEmpty($0) }) }
        t["any"] = F([], variadic: .any) { _, a in .bool(a.contains { !Convert.isEmpty($0) }) }
        t["ternary"] = F([.any, .any, .bool]) { _, a in
            if case .bool(true) = a[2] { return a[0] }
            return a[1]
        }
        t["fail"] = F([.string]) { _, a throws(FunctionError) in throw FunctionError(SprigStrings.s(a[0])) }
        t["typeOf"] = F([.any]) { _, a in .string(a[0].typeName) }
        t["typeIs"] = F([.string, .any]) { _, a in .bool(SprigStrings.s(a[0]) == a[1].typeName) }
        t["typeIsLike"] = F([.string, .any]) { _, a in
            let name = a[1].typeName, target = SprigStrings.s(a[0])
            return .bool(target == name || "*" + target == name)
        }
        t["kindOf"] = F([.any]) { _, a in .string(a[0].kindName) }
        t["kindIs"] = F([.string, .any]) { _, a in .bool(SprigStrings.s(a[0]) == a[1].kindName) }
        t["deepEqual"] = F([.any, .any]) { _, a in .bool(Convert.deepEqual(a[0], a[1])) }
        t["fromJson"] = F([.string]) { _, a in (try? GoJSON.decode(SprigStrings.s(a[0]))) ?? .null }
        t["mustFromJson"] = F([.string]) { _, a throws(FunctionError) in try GoJSON.decode(SprigStrings.s(a[0])) }
        t["toJson"] = F([.any]) { _, a in .string((try? GoJSON.encode(a[0], escapeHTML: true)) ?? "") }
        t["mustToJson"] = F([.any]) { _, a throws(FunctionError) in .string(try GoJSON.encode(a[0], escapeHTML: true)) }
        t["toPrettyJson"] = F([.any]) { _, a in .string((try? GoJSON.encode(a[0], escapeHTML: true, indent: "  ")) ?? "") }
        t["mustToPrettyJson"] = F([.any]) { _, a throws(FunctionError) in
            .string(try GoJSON.encode(a[0], escapeHTML: true, indent: "  "))
        }
        t["toRawJson"] = F([.any]) { _, a throws(FunctionError) in .string(try GoJSON.encode(a[0], escapeHTML: false)) }
        t["mustToRawJson"] = t["toRawJson"]
    }
}
