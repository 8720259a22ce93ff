import CapstanCore
import Foundation

extension ValuesSchema {
    /// JSON Schema's type names; a number with no fraction is also an `integer`.
    static func matches(_ value: JSONValue, _ types: JSONValue) -> Bool {
        let names = (types.arrayValue ?? [types]).compactMap(\.stringValue)
        return names.contains { name in
            switch (name, value) {
            case ("null", .null), ("boolean", .bool), ("string", .string), ("array", .array), ("object", .object): true
            case ("number", .int), ("number", .double), ("integer", .int): true
            case ("integer", .double(let d)): d.rounded() == d
            default: false
            }
        }
    }

    static func typeName(_ value: JSONValue) -> String {
        switch value {
        case .null: "null"
        case .bool: "boolean"
        case .int: "integer"
        case .double(let d): d.rounded() == d ? "integer" : "number"
        case .string: "string"
        case .array: "array"
        case .object: "object"
        }
    }

    static func number(_ value: JSONValue) -> Double? {
        switch value {
        case .int(let i): Double(i)
        case .double(let d): d
        default: nil
        }
    }

    static func format(_ value: JSONValue) -> String {
        switch value {
        case .int(let i): "\(i)"
        case .double(let d) where d.rounded() == d && abs(d) < 1e15: "\(Int64(d))"
        case .double(let d): "\(d)"
        default: "\(value)"
        }
    }

    /// Equality where 1 and 1.0 are the same number, as in JSON Schema.
    static func equal(_ a: JSONValue, _ b: JSONValue) -> Bool {
        if let x = number(a), let y = number(b) { return x == y }
        return a == b
    }

    static func quote(_ value: JSONValue) -> String {
        if case .string(let s) = value { return "'\(s)'" }
        return value.serialized()
    }

    /// ECMA-262-style `pattern`: unanchored search.
    static func search(_ pattern: String, _ text: String) -> Bool {
        guard let regex = try? NSRegularExpression(pattern: pattern) else { return false }
        return regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
    }
}
