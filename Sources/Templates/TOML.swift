import Foundation

/// The TOML Helm's toToml/fromToml read and write (BurntSushi/toml's layout), for plain values.
enum TOML {
    static func encode(_ v: Value) -> String {
        guard case .map(let map) = v else { return "" }
        var out = ""
        writeTable(map, path: [], indent: "", out: &out)
        return out
    }

    static func isTable(_ v: Value) -> Bool {
        if case .map = v { return true }
        return false
    }

    static func key(_ k: String) -> String {
        let bare = !k.isEmpty && k.unicodeScalars.allSatisfy { $0.isASCII && (CharacterSet.alphanumerics.contains($0) || $0 == "_" || $0 == "-") }
        return bare ? k : GoQuote.quote(k)
    }

    static func writeTable(_ map: MapValue, path: [String], indent: String, out: inout String) {
        let keys = map.sortedKeys
        for k in keys where !isTable(map.entries[k]!) {
            guard let text = scalar(map.entries[k]!) else { continue }
            out += indent + key(k) + " = " + text + "\n"
        }
        for k in keys {
            guard case .map(let sub) = map.entries[k]! else { continue }
            let subPath = path + [k]
            out += "\n" + indent + "[" + subPath.map(key).joined(separator: ".") + "]\n"
            writeTable(sub, path: subPath, indent: indent + "  ", out: &out)
        }
    }

    static func scalar(_ v: Value) -> String? {
        switch v {
        case .string(let s): return GoQuote.quote(s)
        case .bool(let b): return b ? "true" : "false"
        case .int(let i, _): return String(i)
        case .float(let d):
            if d == d.rounded() && abs(d) < 1e16 { return GoFloat.format(d, "f", -1) + ".0" }
            return GoFloat.format(d, "g", -1)
        case .list(let l): return "[" + l.items.compactMap(scalar).joined(separator: ", ") + "]"
        case .object(let o): return o.stringForm.map { GoQuote.quote($0) }
        default: return nil
        }
    }

    /// A small TOML reader: tables, dotted headers, key = value with strings, numbers, booleans and arrays.
    static func decode(_ text: String) -> Value {
        let root = MapValue([:])
        var current = root
        for rawLine in text.split(separator: "\n", omittingEmptySubsequences: true) {
            let line = rawLine.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") { continue }
            if line.hasPrefix("[") && line.hasSuffix("]") {
                current = root
                for part in line.dropFirst().dropLast().split(separator: ".") {
                    let name = part.trimmingCharacters(in: .whitespaces)
                    if case .map(let next)? = current.entries[name] {
                        current = next
                    } else {
                        let next = MapValue([:])
                        current.entries[name] = .map(next)
                        current = next
                    }
                }
                continue
            }
            guard let eq = line.firstIndex(of: "=") else {
                return .map(MapValue(["Error": .string("toml: line: expected key = value")]))
            }
            var k = line[..<eq].trimmingCharacters(in: .whitespaces)
            if k.hasPrefix("\"") { k = (try? GoQuote.unquote(k)) ?? k }
            current.entries[k] = value(line[line.index(after: eq)...].trimmingCharacters(in: .whitespaces))
        }
        return .map(root)
    }

    static func value(_ text: String) -> Value {
        if text.hasPrefix("\"") { return .string((try? GoQuote.unquote(text)) ?? text) }
        if text.hasPrefix("'") && text.hasSuffix("'") && text.count >= 2 { return .string(String(text.dropFirst().dropLast())) }
        if text == "true" || text == "false" { return .bool(text == "true") }
        if text.hasPrefix("[") && text.hasSuffix("]") {
            let inner = text.dropFirst().dropLast().split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            return Convert.list(inner.map(value))
        }
        let plain = text.replacingOccurrences(of: "_", with: "")
        if let i = Int64(plain) { return .int(i, .int64) }
        if let d = Double(plain) { return .float(d) }
        return .string(text)
    }
}
