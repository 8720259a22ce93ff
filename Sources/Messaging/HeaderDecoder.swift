import CapstanCore

/// Reads the common event header — one flat JSON object of plain strings, integers, booleans
/// and nulls — without the general parser's overhead. Anything else (nesting, escapes,
/// fractions, odd spacing) returns nil and goes to `JSONValue.parse`, which also reports errors.
enum HeaderDecoder {
    static func decodeFlat(_ bytes: [UInt8]) -> [String: JSONValue]? {
        var index = 0
        var fields: [String: JSONValue] = [:]
        guard bytes.first == UInt8(ascii: "{"), bytes.last == UInt8(ascii: "}") else { return nil }
        index = 1
        if bytes.count == 2 { return fields }
        while true {
            guard let key = plainString(bytes, &index), index < bytes.count, bytes[index] == UInt8(ascii: ":") else { return nil }
            index += 1
            guard let value = scalar(bytes, &index), fields.updateValue(value, forKey: key) == nil else { return nil }
            guard index < bytes.count else { return nil }
            if bytes[index] == UInt8(ascii: "}") { return index == bytes.count - 1 ? fields : nil }
            guard bytes[index] == UInt8(ascii: ",") else { return nil }
            index += 1
        }
    }

    /// `"…"` with no escape and no control character, as valid UTF-8.
    private static func plainString(_ bytes: [UInt8], _ index: inout Int) -> String? {
        guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { return nil }
        let start = index + 1
        var end = start
        while end < bytes.count, bytes[end] != UInt8(ascii: "\"") {
            if bytes[end] == UInt8(ascii: "\\") || bytes[end] < 0x20 { return nil }
            end += 1
        }
        guard end < bytes.count, let text = String(validating: bytes[start..<end], as: UTF8.self) else { return nil }
        index = end + 1
        return text
    }

    private static func scalar(_ bytes: [UInt8], _ index: inout Int) -> JSONValue? {
        guard index < bytes.count else { return nil }
        switch bytes[index] {
        case UInt8(ascii: "\""): return plainString(bytes, &index).map(JSONValue.string)
        case UInt8(ascii: "t"): return word("true", .bool(true), bytes, &index)
        case UInt8(ascii: "f"): return word("false", .bool(false), bytes, &index)
        case UInt8(ascii: "n"): return word("null", .null, bytes, &index)
        default: return integer(bytes, &index)
        }
    }

    private static func word(_ text: String, _ value: JSONValue, _ bytes: [UInt8], _ index: inout Int) -> JSONValue? {
        let utf8 = Array(text.utf8)
        guard index + utf8.count <= bytes.count, Array(bytes[index..<index + utf8.count]) == utf8 else { return nil }
        index += utf8.count
        return value
    }

    /// `-?(0|[1-9][0-9]*)` fitting Int64; fractions and exponents go to the full parser.
    private static func integer(_ bytes: [UInt8], _ index: inout Int) -> JSONValue? {
        var end = index
        if end < bytes.count, bytes[end] == UInt8(ascii: "-") { end += 1 }
        let digitsStart = end
        while end < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[end]) { end += 1 }
        let digits = end - digitsStart
        guard digits > 0, digits <= 18, !(digits > 1 && bytes[digitsStart] == UInt8(ascii: "0")) else { return nil }
        guard end < bytes.count, bytes[end] == UInt8(ascii: ",") || bytes[end] == UInt8(ascii: "}") else { return nil }
        guard let number = Int64(String(decoding: bytes[index..<end], as: UTF8.self)) else { return nil }
        index = end
        return .int(number)
    }
}
