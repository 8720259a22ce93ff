import Foundation

/// Sprig's string functions.
enum SprigStrings {
    typealias F = TemplateFunction

    static func s(_ v: Value) -> String {
        if case .string(let s) = v { return s }
        return ""
    }

    static func i(_ v: Value) -> Int {
        if case .int(let i, _) = v { return Int(i) }
        return 0
    }

    static func str1(_ body: @escaping @Sendable (String) -> String) -> F {
        F([.string]) { _, a in .string(body(s(a[0]))) }
    }

    static func str2(_ body: @escaping @Sendable (String, String) -> String) -> F {
        F([.string, .string]) { _, a in .string(body(s(a[0]), s(a[1]))) }
    }

    static func register(_ t: inout FunctionTable) {
        t["hello"] = F([]) { _, _ in .string("Hello!") }
        t["abbrev"] = F([.int, .string]) { _, a in .string(abbrev(i(a[0]), s(a[1]))) }
        t["abbrevboth"] = F([.int, .int, .string]) { _, a in .string(abbrevboth(i(a[0]), i(a[1]), s(a[2]))) }
        t["trunc"] = F([.int, .string]) { _, a in .string(trunc(i(a[0]), s(a[1]))) }
        t["trim"] = str1 { $0.trimmingCharacters(in: goSpace) }
        t["upper"] = str1 { $0.uppercased() }
        t["lower"] = str1 { $0.lowercased() }
        t["title"] = str1(title)
        t["untitle"] = str1(untitle)
        t["substr"] = F([.int, .int, .string]) { _, a throws(FunctionError) in
            .string(try substr(i(a[0]), i(a[1]), s(a[2])))
        }
        t["repeat"] = F([.int, .string]) { _, a throws(FunctionError) in
            let n = i(a[0])
            if n < 0 { throw FunctionError("strings: negative Repeat count") }
            let (total, overflow) = n.multipliedReportingOverflow(by: s(a[1]).utf8.count)
            if overflow { throw FunctionError("strings: Repeat output length overflow") }
            try RenderLimits.checkBytes(total, "repeat")
            return .string(String(repeating: s(a[1]), count: n))
        }
        t["trimall"] = str2 { trimSet($1, $0) }
        t["trimAll"] = str2 { trimSet($1, $0) }
        t["trimSuffix"] = str2 { a, b in b.hasSuffix(a) && !a.isEmpty ? String(b.utf8.dropLast(a.utf8.count))! : b }
        t["trimPrefix"] = str2 { a, b in b.hasPrefix(a) && !a.isEmpty ? String(b.utf8.dropFirst(a.utf8.count))! : b }
        t["nospace"] = str1 { String(String.UnicodeScalarView($0.unicodeScalars.filter { !isGoSpace($0) })) }
        t["initials"] = str1(initials)
        t["swapcase"] = str1(swapcase)
        t["snakecase"] = str1 { joinWords($0, "_") }
        t["kebabcase"] = str1 { joinWords($0, "-") }
        t["camelcase"] = str1(camelcase)
        t["wrap"] = F([.int, .string]) { _, a in .string(wrap(s(a[1]), i(a[0]), "", false)) }
        t["wrapWith"] = F([.int, .string, .string]) { _, a in .string(wrap(s(a[2]), i(a[0]), s(a[1]), true)) }
        t["contains"] = F([.string, .string]) { _, a in .bool(s(a[0]).isEmpty || s(a[1]).contains(s(a[0]))) }
        t["hasPrefix"] = F([.string, .string]) { _, a in .bool(s(a[1]).hasPrefix(s(a[0]))) }
        t["hasSuffix"] = F([.string, .string]) { _, a in .bool(s(a[1]).hasSuffix(s(a[0]))) }
        t["quote"] = F([], variadic: .any) { _, a in
            .string(a.filter { !$0.isNilOrMissing }.map { GoQuote.quote(Convert.strval($0)) }.joined(separator: " "))
        }
        t["squote"] = F([], variadic: .any) { _, a in
            .string(a.filter { !$0.isNilOrMissing }.map { "'" + GoFormatter.sprintf("%v", [$0]) + "'" }.joined(separator: " "))
        }
        t["cat"] = F([], variadic: .any) { _, a in
            let kept = a.filter { !$0.isNilOrMissing }
            return .string(kept.map { GoFormatter.sprintf("%v", [$0]) }.joined(separator: " "))
        }
        t["indent"] = F([.int, .string]) { _, a throws(FunctionError) in
            try RenderLimits.checkBytes(i(a[0]), "indent")
            return .string(indent(i(a[0]), s(a[1])))
        }
        t["nindent"] = F([.int, .string]) { _, a throws(FunctionError) in
            try RenderLimits.checkBytes(i(a[0]), "nindent")
            return .string("\n" + indent(i(a[0]), s(a[1])))
        }
        t["replace"] = F([.string, .string, .string]) { _, a in .string(replaceAll(s(a[2]), s(a[0]), s(a[1]))) }
        t["plural"] = F([.string, .string, .int]) { _, a in i(a[2]) == 1 ? a[0] : a[1] }
        t["toString"] = F([.any]) { _, a in .string(Convert.strval(a[0])) }
        t["atoi"] = F([.string]) { _, a in .int(Int64(GoStrconv.parseDecimal(s(a[0])) ?? 0), .int) }
        t["split"] = F([.string, .string]) { _, a in splitMap(goSplit(s(a[1]), s(a[0]), -1)) }
        t["splitn"] = F([.string, .int, .string]) { _, a in splitMap(goSplit(s(a[2]), s(a[0]), i(a[1]))) }
        t["splitList"] = F([.string, .string]) { _, a in Convert.strings(goSplit(s(a[1]), s(a[0]), -1)) }
        t["toStrings"] = F([.any]) { _, a in Convert.strings(strslice(a[0])) }
        t["join"] = F([.string, .any]) { _, a in .string(strslice(a[1]).joined(separator: s(a[0]))) }
        t["sortAlpha"] = F([.any]) { _, a in
            if case .list = a[0] { return Convert.strings(strslice(a[0]).sorted(by: goLess)) }
            return Convert.strings([Convert.strval(a[0])])
        }
    }

    static let goSpace = CharacterSet(charactersIn: " \t\n\u{0B}\u{0C}\r\u{85}\u{A0}")
        .union(CharacterSet(charactersIn: "\u{1680}\u{2000}\u{2001}\u{2002}\u{2003}\u{2004}\u{2005}\u{2006}\u{2007}\u{2008}\u{2009}\u{200A}\u{2028}\u{2029}\u{202F}\u{205F}\u{3000}"))

    static func isGoSpace(_ r: Unicode.Scalar) -> Bool { goSpace.contains(r) }

    static func strslice(_ v: Value) -> [String] {
        switch v {
        case .list(let l): return l.items.filter { !$0.isNilOrMissing }.map(Convert.strval)
        case .missing, .null: return []
        default: return [Convert.strval(v)]
        }
    }

}
