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
        t["indent"] = F([.int, .string]) { _, a in .string(indent(i(a[0]), s(a[1]))) }
        t["nindent"] = F([.int, .string]) { _, a in .string("\n" + indent(i(a[0]), s(a[1]))) }
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

    static func splitMap(_ parts: [String]) -> Value {
        var entries: [String: Value] = [:]
        for (n, part) in parts.enumerated() { entries["_\(n)"] = .string(part) }
        return .map(MapValue(entries, elem: "string"))
    }

    /// strings.SplitN over bytes: an empty separator splits into UTF-8 sequences.
    static func goSplit(_ s: String, _ sep: String, _ n: Int) -> [String] {
        if n == 0 { return [] }
        if sep.isEmpty {
            var parts = s.unicodeScalars.map { String($0) }
            if n > 0 && parts.count > n {
                let head = parts.prefix(n - 1)
                parts = Array(head) + [String(s.unicodeScalars.dropFirst(n - 1))]
            }
            return parts
        }
        let bytes = Array(s.utf8), sepBytes = Array(sep.utf8)
        var parts: [String] = []
        var start = 0
        var i = 0
        while i + sepBytes.count <= bytes.count {
            if n > 0 && parts.count == n - 1 { break }
            if bytes[i] == sepBytes[0] && Array(bytes[i..<(i + sepBytes.count)]) == sepBytes {
                parts.append(String(decoding: bytes[start..<i], as: UTF8.self))
                i += sepBytes.count
                start = i
            } else {
                i += 1
            }
        }
        parts.append(String(decoding: bytes[start...], as: UTF8.self))
        return parts
    }

    static func replaceAll(_ s: String, _ old: String, _ new: String) -> String {
        if old.isEmpty {
            var out = new
            for r in s.unicodeScalars {
                out.unicodeScalars.append(r)
                out += new
            }
            return out
        }
        return goSplit(s, old, -1).joined(separator: new)
    }

    static func indent(_ n: Int, _ v: String) -> String {
        let pad = String(repeating: " ", count: max(n, 0))
        return pad + replaceAll(v, "\n", "\n" + pad)
    }

    static func trunc(_ c: Int, _ s: String) -> String {
        let bytes = Array(s.utf8)
        if c < 0 && bytes.count + c > 0 { return String(decoding: bytes[(bytes.count + c)...], as: UTF8.self) }
        if c >= 0 && bytes.count > c { return String(decoding: bytes[..<c], as: UTF8.self) }
        return s
    }

    static func substr(_ start: Int, _ end: Int, _ s: String) throws(FunctionError) -> String {
        let bytes = Array(s.utf8)
        func bounds(_ lo: Int, _ hi: Int) throws(FunctionError) -> String {
            guard lo >= 0, hi <= bytes.count, lo <= hi else {
                throw FunctionError("runtime error: slice bounds out of range [\(lo):\(hi)]")
            }
            return String(decoding: bytes[lo..<hi], as: UTF8.self)
        }
        if start < 0 { return try bounds(0, end) }
        if end < 0 || end > bytes.count { return try bounds(start, bytes.count) }
        return try bounds(start, end)
    }

    static func trimSet(_ s: String, _ cutset: String) -> String {
        let set = Set(cutset.unicodeScalars)
        var scalars = Array(s.unicodeScalars)
        while let first = scalars.first, set.contains(first) { scalars.removeFirst() }
        while let last = scalars.last, set.contains(last) { scalars.removeLast() }
        return String(String.UnicodeScalarView(scalars))
    }

    static func title(_ s: String) -> String {
        var prev: Unicode.Scalar = " "
        var out = String.UnicodeScalarView()
        for r in s.unicodeScalars {
            if isSeparator(prev) {
                out.append(contentsOf: String(r).uppercased().unicodeScalars.prefix(1))
            } else {
                out.append(r)
            }
            prev = r
        }
        return String(out)
    }

    static func isSeparator(_ r: Unicode.Scalar) -> Bool {
        if r.isASCII {
            let c = r.value
            return !((c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x7A) || (c >= 0x41 && c <= 0x5A) || c == 0x5F)
        }
        if r.properties.isAlphabetic || r.properties.numericType == .decimal { return false }
        return isGoSpace(r)
    }

    static func untitle(_ s: String) -> String {
        var next = true
        var out = String.UnicodeScalarView()
        for r in s.unicodeScalars {
            if isGoSpace(r) {
                next = true
                out.append(r)
            } else if next {
                out.append(contentsOf: String(r).lowercased().unicodeScalars.prefix(1))
                next = false
            } else {
                out.append(r)
            }
        }
        return String(out)
    }

    static func initials(_ s: String) -> String {
        var out = ""
        var gap = true
        for b in s.utf8 {
            let r = Unicode.Scalar(b)
            if isGoSpace(r) {
                gap = true
            } else if gap {
                out.unicodeScalars.append(r)
                gap = false
            }
        }
        return out
    }

    static func swapcase(_ s: String) -> String {
        var out = String.UnicodeScalarView()
        for r in s.unicodeScalars {
            if r.properties.isUppercase || r.properties.generalCategory == .titlecaseLetter {
                out.append(contentsOf: String(r).lowercased().unicodeScalars.prefix(1))
            } else if r.properties.isLowercase {
                out.append(contentsOf: String(r).uppercased().unicodeScalars.prefix(1))
            } else {
                out.append(r)
            }
        }
        return String(out)
    }

    static func isConnector(_ r: Unicode.Scalar) -> Bool { r == "-" || r == "_" || isGoSpace(r) }

    static func upperOne(_ r: Unicode.Scalar) -> Unicode.Scalar { String(r).uppercased().unicodeScalars.first ?? r }
    static func lowerOne(_ r: Unicode.Scalar) -> Unicode.Scalar { String(r).lowercased().unicodeScalars.first ?? r }

    /// xstrings.ToCamelCase.
    static func camelcase(_ s: String) -> String {
        var scalars = Array(s.unicodeScalars)[...]
        guard !scalars.isEmpty else { return "" }
        var out = String.UnicodeScalarView()
        var r0: Unicode.Scalar = " "
        var read = false
        while let r = scalars.first {
            scalars = scalars.dropFirst()
            read = true
            if !isConnector(r) {
                r0 = upperOne(r)
                break
            }
            out.append(r)
            r0 = r
        }
        if scalars.isEmpty {
            if read && !isConnector(r0) { out.append(r0) }
            return String(out)
        }
        while let r = scalars.first {
            scalars = scalars.dropFirst()
            let r1 = r0
            r0 = r
            if isConnector(r0) && isConnector(r1) {
                out.append(r1)
                continue
            }
            if isConnector(r1) {
                r0 = upperOne(r0)
            } else {
                r0 = lowerOne(r0)
                out.append(r1)
            }
        }
        out.append(r0)
        return String(out)
    }

    /// Splits camel case and connectors into lower-case words joined by `connector` (xstrings snake/kebab case).
    static func joinWords(_ s: String, _ connector: String) -> String {
        let scalars = Array(s.unicodeScalars)
        var words: [String] = []
        var current = String.UnicodeScalarView()
        func flush() {
            if !current.isEmpty { words.append(String(current).lowercased()) }
            current = String.UnicodeScalarView()
        }
        for (k, r) in scalars.enumerated() {
            if isConnector(r) {
                flush()
                continue
            }
            if r.properties.isUppercase, let prev = current.last {
                let nextIsLower = k + 1 < scalars.count && scalars[k + 1].properties.isLowercase
                if prev.properties.isLowercase || prev.properties.numericType != nil || (prev.properties.isUppercase && nextIsLower) {
                    flush()
                }
            }
            current.append(r)
        }
        flush()
        return words.joined(separator: connector)
    }

    static func abbrevFull(_ str: [UInt8], _ offsetIn: Int, _ maxWidth: Int) -> [UInt8]? {
        if str.isEmpty { return [] }
        if maxWidth < 4 { return nil }
        if str.count <= maxWidth { return str }
        var offset = min(offsetIn, str.count)
        if str.count - offset < maxWidth - 3 { offset = str.count - (maxWidth - 3) }
        let marker = Array("...".utf8)
        if offset <= 4 { return Array(str[0..<(maxWidth - 3)]) + marker }
        if maxWidth < 7 { return nil }
        if offset + maxWidth - 3 < str.count {
            return marker + (abbrevFull(Array(str[offset...]), 0, maxWidth - 3) ?? [])
        }
        return marker + Array(str[(str.count - (maxWidth - 3))...])
    }

    static func abbrev(_ width: Int, _ s: String) -> String {
        if width < 4 { return s }
        return String(decoding: abbrevFull(Array(s.utf8), 0, width) ?? [], as: UTF8.self)
    }

    static func abbrevboth(_ left: Int, _ right: Int, _ s: String) -> String {
        if right < 4 || left > 0 && right < 7 { return s }
        return String(decoding: abbrevFull(Array(s.utf8), left, right) ?? [], as: UTF8.self)
    }

    /// goutils.WrapCustom.
    static func wrap(_ s: String, _ lengthIn: Int, _ newLineIn: String, _ wrapLong: Bool) -> String {
        let str = Array(s.utf8)
        if str.isEmpty { return "" }
        let newLine = Array((newLineIn.isEmpty ? "\n" : newLineIn).utf8)
        let length = max(lengthIn, 1)
        var offset = 0
        var out: [UInt8] = []
        let space = UInt8(ascii: " ")
        while str.count - offset > length {
            if str[offset] == space {
                offset += 1
                continue
            }
            let end = min(length + offset + 1, str.count)
            var wrapAt = -1
            var k = end - 1
            while k >= offset {
                if str[k] == space {
                    wrapAt = k
                    break
                }
                k -= 1
            }
            if wrapAt >= offset {
                out += str[offset..<wrapAt] + newLine
                offset = wrapAt + 1
            } else if wrapLong {
                out += str[offset..<(length + offset)] + newLine
                offset += length
            } else {
                let e = length + offset
                if let idx = str[e...].firstIndex(of: space) {
                    out += str[offset..<idx] + newLine
                    offset = idx + 1
                } else {
                    out += str[offset...]
                    offset = str.count
                }
            }
        }
        out += str[offset...]
        return String(decoding: out, as: UTF8.self)
    }
}
