/// Sprig's path functions (Go's path and path/filepath on a POSIX system) and URL helpers.
enum SprigPaths {
    static func register(_ t: inout FunctionTable) {
        for prefix in ["", "os"] {
            let name = { (n: String) in prefix.isEmpty ? n : prefix + n.prefix(1).uppercased() + n.dropFirst() }
            t[name("base")] = SprigStrings.str1(base)
            t[name("dir")] = SprigStrings.str1(dir)
            t[name("clean")] = SprigStrings.str1(clean)
            t[name("ext")] = SprigStrings.str1(ext)
            t[name("isAbs")] = TemplateFunction([.string]) { _, a in .bool(SprigStrings.s(a[0]).hasPrefix("/")) }
        }
        t["urlParse"] = TemplateFunction([.string]) { _, a in GoURL.parse(SprigStrings.s(a[0])) }
        t["urlJoin"] = TemplateFunction([.map]) { _, a throws(FunctionError) in .string(try GoURL.join(SprigDicts.m(a[0]))) }
        // Network lookups are disabled: a render must not depend on DNS.
        t["getHostByName"] = TemplateFunction([.string]) { _, _ in .string("") }
    }

    static func clean(_ path: String) -> String {
        if path.isEmpty { return "." }
        let rooted = path.hasPrefix("/")
        var parts: [Substring] = []
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            if part == "." { continue }
            if part == ".." {
                if let last = parts.last, last != ".." {
                    parts.removeLast()
                } else if !rooted {
                    parts.append(part)
                }
                continue
            }
            parts.append(part)
        }
        let joined = parts.joined(separator: "/")
        if rooted { return "/" + joined }
        return joined.isEmpty ? "." : joined
    }

    static func base(_ path: String) -> String {
        if path.isEmpty { return "." }
        var p = Substring(path)
        while p.count > 1 && p.hasSuffix("/") { p = p.dropLast() }
        if p == "/" { return "/" }
        if let slash = p.lastIndex(of: "/") { p = p[p.index(after: slash)...] }
        return p.isEmpty ? "/" : String(p)
    }

    static func dir(_ path: String) -> String {
        let head: String
        if let slash = path.lastIndex(of: "/") { head = String(path[...slash]) } else { head = "" }
        return clean(head)
    }

    static func ext(_ path: String) -> String {
        var i = path.utf8.count - 1
        let bytes = Array(path.utf8)
        while i >= 0 && bytes[i] != UInt8(ascii: "/") {
            if bytes[i] == UInt8(ascii: ".") { return String(decoding: bytes[i...], as: UTF8.self) }
            i -= 1
        }
        return ""
    }
}
