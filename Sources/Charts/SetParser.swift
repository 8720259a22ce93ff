import CapstanCore

/// Helm's `--set` syntax, first cut: `a.b=c,d=e`, typed scalars (ints, bools, null), `{x,y}` lists,
/// `a[0]=x` indexes and `\,`/`\.` escapes.
public enum SetParser {
    /// Applies one `--set` argument onto `values`.
    public static func apply(_ argument: String, to values: inout [String: JSONValue], asString: Bool = false) throws {
        for pair in splitUnescaped(argument, ",", keepBraces: true) where !pair.isEmpty {
            guard let eq = pair.firstIndex(of: "=") else {
                throw ChartError("failed parsing --set data: key \"\(pair)\" has no value")
            }
            let key = String(pair[..<eq])
            let raw = String(pair[pair.index(after: eq)...])
            let value: JSONValue
            if raw.hasPrefix("{") && raw.hasSuffix("}") {
                value = .array(splitUnescaped(String(raw.dropFirst().dropLast()), ",", keepBraces: false)
                    .map { asString ? .string($0) : typed($0) })
            } else {
                value = asString ? .string(unescape(raw)) : typed(unescape(raw))
            }
            let path = splitUnescaped(key, ".", keepBraces: false).map(unescape)
            try set(&values, path[...], value)
        }
    }

    static func set(_ table: inout [String: JSONValue], _ path: ArraySlice<String>, _ value: JSONValue) throws {
        guard var head = path.first else { return }
        var index: Int?
        if let open = head.firstIndex(of: "["), head.hasSuffix("]") {
            index = Int(head[head.index(after: open)..<head.index(before: head.endIndex)])
            head = String(head[..<open])
            guard index != nil, index! >= 0 else { throw ChartError("failed parsing --set data: bad index in \(path.first!)") }
        }
        let rest = path.dropFirst()
        if let index {
            var list = table[head]?.arrayValue ?? []
            while list.count <= index { list.append(.null) }
            if rest.isEmpty {
                list[index] = value
            } else {
                var inner = list[index].objectValue ?? [:]
                try set(&inner, rest, value)
                list[index] = .object(inner)
            }
            table[head] = .array(list)
        } else if rest.isEmpty {
            table[head] = value
        } else {
            var inner = table[head]?.objectValue ?? [:]
            try set(&inner, rest, value)
            table[head] = .object(inner)
        }
    }

    static func typed(_ text: String) -> JSONValue {
        switch text {
        case "true": return .bool(true)
        case "false": return .bool(false)
        case "null": return .null
        default: break
        }
        if let i = Int64(text), !text.hasPrefix("0") { return .int(i) }
        return .string(text)
    }

    static func splitUnescaped(_ text: String, _ separator: Character, keepBraces: Bool) -> [String] {
        var parts: [String] = []
        var current = ""
        var escaped = false
        var depth = 0
        for c in text {
            if escaped {
                current.append("\\")
                current.append(c)
                escaped = false
            } else if c == "\\" {
                escaped = true
            } else if keepBraces && c == "{" {
                depth += 1
                current.append(c)
            } else if keepBraces && c == "}" {
                depth -= 1
                current.append(c)
            } else if c == separator && depth == 0 {
                parts.append(current)
                current = ""
            } else {
                current.append(c)
            }
        }
        parts.append(current)
        return parts
    }

    static func unescape(_ text: String) -> String {
        var out = ""
        var escaped = false
        for c in text {
            if escaped { out.append(c); escaped = false } else if c == "\\" { escaped = true } else { out.append(c) }
        }
        return out
    }
}
