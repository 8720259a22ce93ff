/// What an untagged plain YAML scalar means to go-yaml: the rules that decide both how a
/// manifest's scalars are read and which strings the writer must quote.
enum ScalarResolver {
    /// The go-yaml generation whose resolution table applies.
    enum Schema: Sendable {
        /// gopkg.in/yaml.v2 (sigs.k8s.io/yaml, Helm): YAML 1.1 booleans `yes`, `on`, `y`, ….
        case v2
        /// gopkg.in/yaml.v3 (kustomize's kyaml): only `true`/`false` are booleans.
        case v3
    }

    /// The value a plain scalar resolves to.
    enum Resolved: Equatable {
        case string
        case null
        case bool(Bool)
        case int(Int64)
        case uint(UInt64)
        case float(Double)
        case timestamp(GoTimestamp)
        case merge
    }
    // `<<` is not in the table on purpose: go-yaml consults its table only for texts whose first
    // character hints at a non-string, and `<` hints nothing, so a `<<` value is a plain string.

    /// Resolves a plain scalar as go-yaml's `resolve("", text)` does.
    static func resolve(_ text: String, schema: Schema) -> Resolved {
        guard let first = text.utf8.first else { return .null }
        if let known = lookup(text, schema: schema) { return known }
        switch first {
        case UInt8(ascii: "."):
            let bytes = Array(text.utf8)
            // Go's ParseFloat takes underscores between digits (".5_0" is 0.5).
            let digits = bytes.contains(UInt8(ascii: "_")) && underscoresBetweenDigits(bytes)
                ? bytes.filter { $0 != UInt8(ascii: "_") } : bytes
            return decimalFloat(digits).map { .float($0) } ?? .string
        case UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return resolveNumeric(Array(text.utf8), schema: schema)
        default:
            return .string
        }
    }

    /// True when go-yaml writes `text` without quotes (before the emitter's own checks).
    static func canBePlain(_ text: String, schema: Schema) -> Bool {
        guard resolve(text, schema: schema) == .string, !isBase60Float(text) else { return false }
        if schema == .v3, v2Booleans[text] != nil { return false }
        return true
    }

    static func lookup(_ text: String, schema: Schema) -> Resolved? {
        guard mayBeInTable(text) else { return nil }
        switch text {
        case "true", "True", "TRUE": return .bool(true)
        case "false", "False", "FALSE": return .bool(false)
        case "~", "null", "Null", "NULL": return .null
        case ".nan", ".NaN", ".NAN": return .float(.nan)
        case ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF": return .float(.infinity)
        case "-.inf", "-.Inf", "-.INF": return .float(-.infinity)
        default:
            guard schema == .v2, let value = v2Booleans[text] else { return nil }
            return .bool(value)
        }
    }

    /// Every text `lookup` knows is at most 5 bytes long and starts with one of these bytes;
    /// checking that first spares most scalars the string comparisons.
    @inline(__always) static func mayBeInTable(_ text: String) -> Bool {
        let utf8 = text.utf8
        guard utf8.count <= 5, let first = utf8.first else { return false }
        switch first {
        case UInt8(ascii: "t"), UInt8(ascii: "T"), UInt8(ascii: "f"), UInt8(ascii: "F"), UInt8(ascii: "~"),
            UInt8(ascii: "n"), UInt8(ascii: "N"), UInt8(ascii: "."), UInt8(ascii: "+"), UInt8(ascii: "-"),
            UInt8(ascii: "y"), UInt8(ascii: "Y"), UInt8(ascii: "o"), UInt8(ascii: "O"):
            return true
        default:
            return false
        }
    }

    static let v2Booleans: [String: Bool] = [
        "y": true, "Y": true, "yes": true, "Yes": true, "YES": true, "on": true, "On": true, "ON": true,
        "n": false, "N": false, "no": false, "No": false, "NO": false, "off": false, "Off": false, "OFF": false,
    ]

    static func resolveNumeric(_ bytes: [UInt8], schema: Schema) -> Resolved {
        if bytes.count >= 5, let stamp = GoTimestamp.parse(bytes) { return .timestamp(stamp) }
        let plain = bytes.filter { $0 != UInt8(ascii: "_") }
        if let value = GoInteger.parseInt(plain) { return .int(value) }
        if let value = GoInteger.parseUint(plain) { return .uint(value) }
        if isYAMLStyleFloat(plain), let value = decimalFloat(plain) { return .float(value) }
        if schema == .v3, plain.starts(with: Array("0o".utf8)),
            let value = GoInteger.parseDigits(plain[2...], radix: 8)
        {
            return value <= UInt64(Int64.max) ? .int(Int64(value)) : .uint(value)
        }
        return .string
    }

    /// `^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$`
    static func isYAMLStyleFloat(_ bytes: [UInt8]) -> Bool {
        var index = 0
        func digits() -> Int {
            let start = index
            while index < bytes.count, isDigit(bytes[index]) { index += 1 }
            return index - start
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") { index += 1 }
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            index += 1
            guard digits() > 0 else { return false }
        } else {
            guard digits() > 0 else { return false }
            if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
                index += 1
                _ = digits()
            }
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
            index += 1
            if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") { index += 1 }
            guard digits() > 0 else { return false }
        }
        return index == bytes.count
    }

    /// A decimal float as Go's `ParseFloat` reads it; nil when malformed or out of range.
    static func decimalFloat(_ bytes: [UInt8]) -> Double? {
        var body = bytes[...]
        if let sign = body.first, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") { body = body.dropFirst() }
        guard body.contains(where: isDigit),
            body.allSatisfy({ isDigit($0) || $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "e") || $0 == UInt8(ascii: "E") || $0 == UInt8(ascii: "+") || $0 == UInt8(ascii: "-") }),
            let value = Double(String(decoding: bytes, as: UTF8.self)), value.isFinite
        else { return nil }
        return value
    }

    /// Go's `underscoreOK` for a number without base prefix: each `_` sits between two digits.
    static func underscoresBetweenDigits(_ bytes: [UInt8]) -> Bool {
        for (index, byte) in bytes.enumerated() where byte == UInt8(ascii: "_") {
            guard index > 0, isDigit(bytes[index - 1]), index + 1 < bytes.count, isDigit(bytes[index + 1]) else { return false }
        }
        return true
    }

    /// `^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$`: YAML 1.1 sexagesimal numbers, quoted on output.
    static func isBase60Float(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard let first = bytes.first, first == UInt8(ascii: "+") || first == UInt8(ascii: "-") || isDigit(first),
            bytes.contains(UInt8(ascii: ":"))
        else { return false }
        var index = 0
        if first == UInt8(ascii: "+") || first == UInt8(ascii: "-") { index += 1 }
        guard index < bytes.count, isDigit(bytes[index]) else { return false }
        index += 1
        while index < bytes.count, isDigit(bytes[index]) || bytes[index] == UInt8(ascii: "_") { index += 1 }
        var groups = 0
        while index < bytes.count, bytes[index] == UInt8(ascii: ":") {
            index += 1
            guard index < bytes.count, isDigit(bytes[index]) else { return false }
            if index + 1 < bytes.count, isDigit(bytes[index + 1]) {
                guard bytes[index] <= UInt8(ascii: "5") else { return false }
                index += 2
            } else {
                index += 1
            }
            groups += 1
        }
        guard groups > 0 else { return false }
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            index += 1
            while index < bytes.count, isDigit(bytes[index]) || bytes[index] == UInt8(ascii: "_") { index += 1 }
        }
        return index == bytes.count
    }

    @inline(__always) static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
}
