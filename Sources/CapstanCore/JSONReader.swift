/// A recursive-descent reader over a borrowed buffer (no bounds checks beyond its own): `.int` when
/// the text is an integer that fits Int64, else `.double`; a lone surrogate escape becomes U+FFFD;
/// invalid UTF-8 is replaced. Strings without escapes are copied in one step, integers are read
/// without an intermediate string.
struct JSONReader {
    let bytes: UnsafeBufferPointer<UInt8>
    let options: JSONReadOptions
    var index = 0
    var depth = 0
    /// Members of the objects being read, innermost last: an object's dictionary is built once at
    /// its final size instead of growing (and rehashing) member by member.
    var pending: [(String, JSONValue)] = []

    init(bytes: UnsafeBufferPointer<UInt8>, options: JSONReadOptions) {
        self.bytes = bytes
        self.options = options
    }

    mutating func readDocument() throws(JSONParseError) -> JSONValue {
        skipWhitespace()
        let value = try readValue(inMetadata: false)
        skipWhitespace()
        guard index == bytes.count else { throw fail("unexpected content after the value") }
        return value
    }

    func fail(_ reason: String) -> JSONParseError { JSONParseError(offset: index, reason: reason) }

    @inline(__always) var current: UInt8? { index < bytes.count ? bytes[index] : nil }

    @inline(__always) mutating func skipWhitespace() {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x09, 0x0A, 0x0D: index += 1
            default: return
            }
        }
    }

    /// `inMetadata`: the value is the member `metadata` of an object (where managedFields lives).
    mutating func readValue(inMetadata: Bool) throws(JSONParseError) -> JSONValue {
        guard let byte = current else { throw fail("unexpected end of input") }
        switch byte {
        case UInt8(ascii: "{"): return try readObject(inMetadata: inMetadata)
        case UInt8(ascii: "["): return try readArray()
        case UInt8(ascii: "\""): return .string(try readString())
        case UInt8(ascii: "t"): try expectWord("true"); return .bool(true)
        case UInt8(ascii: "f"): try expectWord("false"); return .bool(false)
        case UInt8(ascii: "n"): try expectWord("null"); return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try readNumber()
        default: throw fail("unexpected character '\(Character(Unicode.Scalar(byte)))'")
        }
    }

    mutating func expectWord(_ word: StaticString) throws(JSONParseError) {
        let count = word.utf8CodeUnitCount
        guard index + count <= bytes.count else { throw fail("unexpected end of input") }
        for offset in 0..<count where bytes[index + offset] != word.utf8Start[offset] {
            throw fail("invalid literal")
        }
        index += count
    }

    mutating func enter() throws(JSONParseError) {
        depth += 1
        if depth > options.maxDepth { throw fail("nesting deeper than \(options.maxDepth) levels") }
    }

    mutating func readObject(inMetadata: Bool) throws(JSONParseError) -> JSONValue {
        try enter()
        index += 1
        skipWhitespace()
        if current == UInt8(ascii: "}") {
            index += 1
            depth -= 1
            return .object([:])
        }
        let base = pending.count
        while true {
            skipWhitespace()
            guard current == UInt8(ascii: "\"") else { throw fail("expected a string key") }
            let key = try readString()
            skipWhitespace()
            guard current == UInt8(ascii: ":") else { throw fail("expected ':'") }
            index += 1
            skipWhitespace()
            if inMetadata, options.omittingManagedFields, key == "managedFields" {
                try skipValue()
            } else {
                let value = try readValue(inMetadata: key == "metadata")
                pending.append((key, value))
            }
            skipWhitespace()
            guard let byte = current else { throw fail("unexpected end of input") }
            if byte == UInt8(ascii: ",") {
                index += 1
            } else if byte == UInt8(ascii: "}") {
                index += 1
                depth -= 1
                return .object(try members(from: base))
            } else {
                throw fail("expected ',' or '}'")
            }
        }
    }

    /// The members read since `base` as one dictionary (a later duplicate wins, or is refused when matching YAML).
    mutating func members(from base: Int) throws(JSONParseError) -> [String: JSONValue] {
        var members = [String: JSONValue](minimumCapacity: pending.count - base)
        for position in base..<pending.count {
            let (key, value) = pending[position]
            if members.updateValue(value, forKey: key) != nil, options.matchingYAML {
                throw fail("duplicate key \"\(key)\"")
            }
        }
        pending.removeSubrange(base...)
        return members
    }

    mutating func readArray() throws(JSONParseError) -> JSONValue {
        try enter()
        index += 1
        var elements: [JSONValue] = []
        skipWhitespace()
        if current == UInt8(ascii: "]") {
            index += 1
            depth -= 1
            return .array(elements)
        }
        while true {
            skipWhitespace()
            elements.append(try readValue(inMetadata: false))
            skipWhitespace()
            guard let byte = current else { throw fail("unexpected end of input") }
            if byte == UInt8(ascii: ",") {
                index += 1
            } else if byte == UInt8(ascii: "]") {
                index += 1
                depth -= 1
                return .array(elements)
            } else {
                throw fail("expected ',' or ']'")
            }
        }
    }

    /// Passes over one value without building it (still checking that it is well-formed JSON).
    mutating func skipValue() throws(JSONParseError) {
        guard let byte = current else { throw fail("unexpected end of input") }
        switch byte {
        case UInt8(ascii: "\""): try skipString()
        case UInt8(ascii: "{"), UInt8(ascii: "["):
            let close = byte == UInt8(ascii: "{") ? UInt8(ascii: "}") : UInt8(ascii: "]")
            try enter()
            index += 1
            skipWhitespace()
            if current == close {
                index += 1
                depth -= 1
                return
            }
            while true {
                skipWhitespace()
                if close == UInt8(ascii: "}") {
                    guard current == UInt8(ascii: "\"") else { throw fail("expected a string key") }
                    try skipString()
                    skipWhitespace()
                    guard current == UInt8(ascii: ":") else { throw fail("expected ':'") }
                    index += 1
                    skipWhitespace()
                }
                try skipValue()
                skipWhitespace()
                guard let next = current else { throw fail("unexpected end of input") }
                index += 1
                if next == close {
                    depth -= 1
                    return
                }
                guard next == UInt8(ascii: ",") else {
                    index -= 1
                    throw fail("expected ',' or '\(Character(Unicode.Scalar(close)))'")
                }
            }
        default: _ = try readValue(inMetadata: false)
        }
    }

    mutating func skipString() throws(JSONParseError) {
        index += 1
        while true {
            guard let byte = current else { throw fail("unterminated string") }
            if byte == UInt8(ascii: "\"") {
                index += 1
                return
            }
            if byte == UInt8(ascii: "\\") {
                index += 1
                var scratch: [UInt8] = []
                try readEscape(into: &scratch)
            } else if byte < 0x20 {
                throw fail("control character in string")
            } else {
                index += 1
            }
        }
    }

    mutating func readNumber() throws(JSONParseError) -> JSONValue {
        let start = index
        var negative = false
        if bytes[index] == UInt8(ascii: "-") {
            negative = true
            index += 1
        }
        guard let first = current, isDigit(first) else { throw fail("invalid number") }
        var magnitude: UInt64 = 0
        var overflow = false
        if first == UInt8(ascii: "0") {
            index += 1
        } else {
            while let byte = current, isDigit(byte) {
                let (times, o1) = magnitude.multipliedReportingOverflow(by: 10)
                let (sum, o2) = times.addingReportingOverflow(UInt64(byte - UInt8(ascii: "0")))
                overflow = overflow || o1 || o2
                magnitude = sum
                index += 1
            }
        }
        var isInteger = true
        if current == UInt8(ascii: ".") {
            isInteger = false
            index += 1
            guard let byte = current, isDigit(byte) else { throw fail("invalid number") }
            while let byte = current, isDigit(byte) { index += 1 }
        }
        if let byte = current, byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E") {
            isInteger = false
            index += 1
            if let sign = current, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") { index += 1 }
            guard let byte = current, isDigit(byte) else { throw fail("invalid number") }
            while let byte = current, isDigit(byte) { index += 1 }
        }
        if isInteger, !overflow {
            if !negative, magnitude <= UInt64(Int64.max) { return .int(Int64(magnitude)) }
            if negative, magnitude <= UInt64(Int64.max) + 1 { return .int(magnitude == UInt64(Int64.max) + 1 ? Int64.min : -Int64(magnitude)) }
        }
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
        guard let value = Double(text) else { throw JSONParseError(offset: start, reason: "invalid number") }
        if options.matchingYAML, !value.isFinite { throw JSONParseError(offset: start, reason: "number out of range") }
        return .double(value)
    }

    @inline(__always) func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

    mutating func readString() throws(JSONParseError) -> String {
        index += 1
        let start = index
        // The common case: no escape, so the bytes between the quotes are the string.
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                let raw = UnsafeBufferPointer(rebasing: bytes[start..<index])
                if options.matchingYAML { try checkYAMLText(raw, at: start) }
                let text = String(decoding: raw, as: UTF8.self)
                index += 1
                return text
            }
            if byte == UInt8(ascii: "\\") { break }
            if byte < 0x20 { throw fail("control character in string") }
            index += 1
        }
        var scalars = Array(UnsafeBufferPointer(rebasing: bytes[start..<index]))
        while true {
            guard let byte = current else { throw fail("unterminated string") }
            switch byte {
            case UInt8(ascii: "\""):
                index += 1
                if options.matchingYAML { try scalars.withUnsafeBufferPointer { raw throws(JSONParseError) in try checkYAMLText(raw, at: start) } }
                return String(decoding: scalars, as: UTF8.self)
            case UInt8(ascii: "\\"):
                index += 1
                try readEscape(into: &scalars)
            case 0..<0x20:
                throw fail("control character in string")
            default:
                scalars.append(byte)
                index += 1
            }
        }
    }

    mutating func readEscape(into buffer: inout [UInt8]) throws(JSONParseError) {
        guard let byte = current else { throw fail("unterminated escape") }
        index += 1
        switch byte {
        case UInt8(ascii: "\""): buffer.append(0x22)
        case UInt8(ascii: "\\"): buffer.append(0x5C)
        case UInt8(ascii: "/"): buffer.append(0x2F)
        case UInt8(ascii: "b"): buffer.append(0x08)
        case UInt8(ascii: "f"): buffer.append(0x0C)
        case UInt8(ascii: "n"): buffer.append(0x0A)
        case UInt8(ascii: "r"): buffer.append(0x0D)
        case UInt8(ascii: "t"): buffer.append(0x09)
        case UInt8(ascii: "u"):
            var code = try readHex4()
            if options.matchingYAML, (0xD800..<0xE000).contains(code) { throw fail("\\u escape of a surrogate") }
            if (0xD800..<0xDC00).contains(code) {
                if index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u") {
                    index += 2
                    let low = try readHex4()
                    code = (0xDC00..<0xE000).contains(low) ? 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00) : 0xFFFD
                } else {
                    code = 0xFFFD
                }
            } else if (0xDC00..<0xE000).contains(code) {
                code = 0xFFFD
            }
            buffer.append(contentsOf: String(Character(Unicode.Scalar(code) ?? "\u{FFFD}")).utf8)
        default:
            throw fail("invalid escape")
        }
    }

    /// Refuses text a YAML reader would refuse in a quoted scalar: invalid UTF-8, DEL, C1 controls but
    /// NEL, U+FEFF, U+FFFE and U+FFFF. (Escapes are decoded by then; only these characters matter.)
    func checkYAMLText(_ raw: UnsafeBufferPointer<UInt8>, at offset: Int) throws(JSONParseError) {
        var ascii = true
        for byte in raw where byte >= 0x7F {
            ascii = false
            break
        }
        if ascii { return }
        guard let text = String(validating: raw, as: UTF8.self) else { throw JSONParseError(offset: offset, reason: "invalid UTF-8") }
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x7F, 0x80...0x84, 0x86...0x9F, 0xFEFF, 0xFFFE, 0xFFFF:
                throw JSONParseError(offset: offset, reason: "character U+\(String(scalar.value, radix: 16)) needs an escape in YAML")
            default: continue
            }
        }
    }

    mutating func readHex4() throws(JSONParseError) -> UInt32 {
        guard index + 4 <= bytes.count else { throw fail("truncated \\u escape") }
        var code: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[index]
            let digit: UInt32
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(byte - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt32(byte - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt32(byte - UInt8(ascii: "A") + 10)
            default: throw fail("invalid \\u escape")
            }
            code = code << 4 | digit
            index += 1
        }
        return code
    }
}
