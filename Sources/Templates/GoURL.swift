/// Go's net/url parsing and printing, as Sprig's urlParse/urlJoin use them.
enum GoURL {
    static func unescape(_ s: Substring) -> String {
        var out: [UInt8] = []
        let bytes = Array(s.utf8)
        var i = 0
        while i < bytes.count {
            if bytes[i] == UInt8(ascii: "%"), i + 2 < bytes.count, let h = GoStrconv.hexDigit(bytes[i + 1]), let l = GoStrconv.hexDigit(bytes[i + 2]) {
                out.append(UInt8(h * 16 + l))
                i += 3
            } else {
                out.append(bytes[i])
                i += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    static func parse(_ text: String) -> Value {
        var rest = Substring(text)
        var fragment = "", query = "", scheme = "", opaque = "", userinfo = "", host = "", path = ""
        if let hash = rest.firstIndex(of: "#") {
            fragment = unescape(rest[rest.index(after: hash)...])
            rest = rest[..<hash]
        }
        if let colon = rest.firstIndex(of: ":"), let first = rest.first, first.isLetter,
            rest[..<colon].allSatisfy({ $0.isLetter || $0.isNumber || $0 == "+" || $0 == "-" || $0 == "." })
        {
            scheme = rest[..<colon].lowercased()
            rest = rest[rest.index(after: colon)...]
        }
        if let q = rest.firstIndex(of: "?") {
            query = String(rest[rest.index(after: q)...])
            rest = rest[..<q]
        }
        if !scheme.isEmpty && !rest.hasPrefix("/") {
            opaque = String(rest)
            rest = ""
        } else if rest.hasPrefix("//") {
            rest = rest.dropFirst(2)
            let end = rest.firstIndex(of: "/") ?? rest.endIndex
            var authority = rest[..<end]
            rest = rest[end...]
            if let at = authority.lastIndex(of: "@") {
                userinfo = String(authority[..<at])
                authority = authority[authority.index(after: at)...]
            }
            host = String(authority)
        }
        path = unescape(rest)
        var hostname = host
        if hostname.hasPrefix("["), let close = hostname.firstIndex(of: "]") {
            hostname = String(hostname[hostname.index(after: hostname.startIndex)..<close])
        } else if let colon = hostname.lastIndex(of: ":") {
            hostname = String(hostname[..<colon])
        }
        return .map(MapValue([
            "scheme": .string(scheme), "host": .string(host), "hostname": .string(hostname), "path": .string(path),
            "query": .string(query), "opaque": .string(opaque), "fragment": .string(fragment), "userinfo": .string(userinfo),
        ]))
    }

    static func escapePath(_ s: String) -> String {
        var out = ""
        for b in s.utf8 {
            let c = Unicode.Scalar(b)
            if (c.properties.isAlphabetic && b < 0x80) || (b >= 0x30 && b <= 0x39) || "-_.~/!$&'()*+,;=:@".unicodeScalars.contains(c) {
                out.unicodeScalars.append(c)
            } else {
                out += "%" + GoQuote.hex2(b).uppercased()
            }
        }
        return out
    }

    static func join(_ d: MapValue) throws(FunctionError) -> String {
        func get(_ key: String) throws(FunctionError) -> String {
            guard let v = d.entries[key] else { return "" }
            guard case .string(let s) = v else {
                throw FunctionError("unable to parse \(key) key, must be of type string, but \(v.kindName) found")
            }
            return s
        }
        let scheme = try get("scheme"), host = try get("host"), path = try get("path"), query = try get("query")
        let opaque = try get("opaque"), fragment = try get("fragment"), userinfo = try get("userinfo")
        var out = ""
        if !scheme.isEmpty { out += scheme + ":" }
        if !opaque.isEmpty {
            out += opaque
        } else {
            if !scheme.isEmpty || !host.isEmpty || !userinfo.isEmpty {
                if !host.isEmpty || !path.isEmpty || !userinfo.isEmpty { out += "//" }
                if !userinfo.isEmpty { out += userinfo + "@" }
                out += host
            }
            let escaped = escapePath(path)
            if !escaped.isEmpty && !escaped.hasPrefix("/") && !host.isEmpty { out += "/" }
            out += escaped
        }
        if !query.isEmpty { out += "?" + query }
        if !fragment.isEmpty { out += "#" + escapePath(fragment) }
        return out
    }
}
