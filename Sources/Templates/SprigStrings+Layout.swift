/// Sprig's cutting and laying out of strings: trunc, substr, abbrev, wrap, indent, split, replace.
extension SprigStrings {
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
