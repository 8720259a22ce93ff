import YAML

/// Turns config YAML (Helm values written inline) into JSON values, reading scalars the way
/// Helm reads values files: YAML 1.1 as go-yaml v2 resolves it.
///
/// Plain scalars: `~`/`null`/empty are null; `true/yes/on/y` and `false/no/off/n` (any of the
/// usual casings) are booleans; decimal, `0x` hex, `0o`/leading-0 octal and `0b` binary are
/// integers; decimals with a point or exponent and `.inf`/`.nan` are doubles; anything else is
/// a string. Quoted and block scalars, and `!!str`, are always strings. Merge keys `<<` are
/// applied (explicit keys win). This is for config only; manifests use Manifests' decoder.
enum ConfigValues {
    static func json(_ node: YAMLNode) -> JSONValue {
        switch node {
        case .scalar(let scalar): scalarValue(scalar)
        case .sequence(let sequence): .array(sequence.items.map(json))
        case .mapping(let mapping): .object(members(of: mapping))
        }
    }

    private static func members(of mapping: YAMLMapping) -> [String: JSONValue] {
        var merged: [String: JSONValue] = [:]
        var explicit: [String: JSONValue] = [:]
        for entry in mapping.entries {
            let key = keyText(entry.key)
            guard key == "<<", entry.key.scalar?.style == .plain else {
                explicit[key] = json(entry.value)
                continue
            }
            let sources = entry.value.sequence?.items ?? [entry.value]
            for case .mapping(let source) in sources {
                merged.merge(members(of: source)) { earlier, _ in earlier }
            }
        }
        return merged.merging(explicit) { _, explicitValue in explicitValue }
    }

    private static func keyText(_ key: YAMLNode) -> String {
        if case .scalar(let scalar) = key { return scalar.value }
        return json(key).serialized()
    }

    private static let trueWords: Set<String> = ["true", "True", "TRUE", "yes", "Yes", "YES", "on", "On", "ON", "y", "Y"]
    private static let falseWords: Set<String> = ["false", "False", "FALSE", "no", "No", "NO", "off", "Off", "OFF", "n", "N"]

    private static func scalarValue(_ scalar: YAMLScalar) -> JSONValue {
        let text = scalar.value
        guard scalar.style == .plain, scalar.tag == nil || scalar.tag == "!" else {
            return scalar.tag == "tag:yaml.org,2002:str" || scalar.style != .plain ? .string(text) : plainValue(text)
        }
        return plainValue(text)
    }

    private static func plainValue(_ text: String) -> JSONValue {
        if ["", "~", "null", "Null", "NULL"].contains(text) { return .null }
        if trueWords.contains(text) { return .bool(true) }
        if falseWords.contains(text) { return .bool(false) }
        if let integer = integer(text) { return .int(integer) }
        if let double = double(text) { return .double(double) }
        return .string(text)
    }

    private static func integer(_ text: String) -> Int64? {
        var digits = Substring(text.filter { $0 != "_" })
        var sign: Int64 = 1
        if let first = digits.first, first == "-" || first == "+" {
            sign = first == "-" ? -1 : 1
            digits = digits.dropFirst()
        }
        let radix: Int
        if digits.hasPrefix("0x") { (radix, digits) = (16, digits.dropFirst(2)) }
        else if digits.hasPrefix("0o") { (radix, digits) = (8, digits.dropFirst(2)) }
        else if digits.hasPrefix("0b") { (radix, digits) = (2, digits.dropFirst(2)) }
        else if digits.count > 1 && digits.hasPrefix("0") { (radix, digits) = (8, digits.dropFirst()) }
        else { radix = 10 }
        guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isHexDigit }), let value = Int64(digits, radix: radix) else {
            return nil
        }
        return sign * value
    }

    private static func double(_ text: String) -> Double? {
        switch text {
        case ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF": return .infinity
        case "-.inf", "-.Inf", "-.INF": return -.infinity
        case ".nan", ".NaN", ".NAN": return .nan
        default: break
        }
        let allowed = text.allSatisfy { $0.isASCII && ($0.isNumber || "+-.eE_".contains($0)) }
        guard allowed, text.contains(where: \.isNumber), text.contains(where: { ".eE".contains($0) }) else { return nil }
        return Double(text.filter { $0 != "_" })
    }
}
