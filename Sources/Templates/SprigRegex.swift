import Foundation

/// Sprig's regex functions: Go RE2 syntax translated to ICU, with Go's match iteration rules.
enum SprigRegex {
    typealias F = TemplateFunction

    static func s(_ v: Value) -> String { SprigStrings.s(v) }

    static func register(_ t: inout FunctionTable) {
        t["regexMatch"] = F([.string, .string]) { _, a in .bool((try? compile(s(a[0])))?.firstMatch(in: s(a[1])) != nil) }
        t["mustRegexMatch"] = F([.string, .string]) { _, a throws(FunctionError) in .bool(try compile(s(a[0])).firstMatch(in: s(a[1])) != nil) }
        for must in [false, true] {
            let prefix = must ? "mustRegex" : "regex"
            t[prefix + "FindAll"] = F([.string, .string, .int]) { _, a throws(FunctionError) in
                let re = try compile(s(a[0]))
                let text = s(a[1])
                return Convert.strings(re.matches(in: text, limit: Int(Convert.toInt64(a[2]))).map { re.substring(text, $0.range) })
            }
            t[prefix + "Find"] = F([.string, .string]) { _, a throws(FunctionError) in
                let re = try compile(s(a[0]))
                let text = s(a[1])
                return .string(re.firstMatch(in: text).map { re.substring(text, $0.range) } ?? "")
            }
            t[prefix + "ReplaceAll"] = F([.string, .string, .string]) { _, a throws(FunctionError) in
                .string(try compile(s(a[0])).replaceAll(s(a[1]), template: s(a[2]), literal: false))
            }
            t[prefix + "ReplaceAllLiteral"] = F([.string, .string, .string]) { _, a throws(FunctionError) in
                .string(try compile(s(a[0])).replaceAll(s(a[1]), template: s(a[2]), literal: true))
            }
            t[prefix + "Split"] = F([.string, .string, .int]) { _, a throws(FunctionError) in
                Convert.strings(try compile(s(a[0])).split(s(a[1]), Int(Convert.toInt64(a[2]))))
            }
        }
        t["regexQuoteMeta"] = SprigStrings.str1 { text in
            var out = ""
            for r in text.unicodeScalars {
                if "\\.+*?()|[]{}^$".unicodeScalars.contains(r) { out += "\\" }
                out.unicodeScalars.append(r)
            }
            return out
        }
    }

    static func compile(_ pattern: String) throws(FunctionError) -> GoRegex {
        if let syntax = GoRegexSyntax.error(in: pattern) { throw FunctionError("error parsing regexp: " + syntax) }
        do {
            return try GoRegex(pattern)
        } catch {
            throw FunctionError("error parsing regexp: invalid or unsupported Perl syntax: `\(pattern)`")
        }
    }
}

