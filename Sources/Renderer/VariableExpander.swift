/// Flux's post-build expansion of one text (its fork of drone/envsubst, strict mode):
/// `${VAR}`, `${VAR:-default}`, `${VAR:=default}` and `${VAR=default}` (all three take the default
/// when the value is unset *or empty*, as Flux's `toDefault` does), defaults that hold further
/// `${…}`, and `$$` for a literal `$`. `$VAR` without braces is left as written; `${VAR-default}`
/// is not an expression Flux accepts. The bash string operators live in `+Operators`.
struct VariableExpander {
    let variables: [String: String]

    /// Why an expansion failed.
    enum Problem: Error, Equatable {
        case missing(String)
        case unterminated
        case unsupported(String)
    }

    private static let dollar = UInt8(ascii: "$"), open = UInt8(ascii: "{"), close = UInt8(ascii: "}")

    func expand(_ text: [UInt8]) throws(Problem) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(text.count)
        var index = 0
        while index < text.count {
            let byte = text[index]
            if byte == Self.dollar, index + 1 < text.count {
                if text[index + 1] == Self.dollar {
                    output.append(Self.dollar)
                    index += 2
                    continue
                }
                if text[index + 1] == Self.open {
                    index = try expression(text, from: index + 2, into: &output)
                    continue
                }
            }
            output.append(byte)
            index += 1
        }
        return output
    }

    /// Expands the expression whose body starts at `start` (after `${`); returns the index after its `}`.
    private func expression(_ text: [UInt8], from start: Int, into output: inout [UInt8]) throws(Problem) -> Int {
        if start < text.count, text[start] == UInt8(ascii: "#") { return try length(text, from: start + 1, into: &output) }
        var index = start
        while index < text.count, Self.isNameByte(text[index]) { index += 1 }
        let name = String(decoding: text[start..<index], as: UTF8.self)
        guard index < text.count else { throw .unterminated }
        guard !name.isEmpty else { throw .unsupported(Self.excerpt(text, from: start)) }
        let end = try Self.closingBrace(text, from: index)
        if let bodyStart = Self.defaultOperator(text, at: index) {
            if let value = variables[name], !value.isEmpty {
                output += value.utf8
            } else {
                output += try expand(Array(text[bodyStart..<end]))
            }
            return end + 1
        }
        let operation = String(decoding: try expand(Array(text[index..<end])), as: UTF8.self)
        // Flux parses before it looks variables up: a malformed operator fails even for a set variable.
        guard operation.isEmpty || Self.isKnown(operation) else { throw .unsupported(Self.excerpt(text, from: start)) }
        guard let value = variables[name] else { throw .missing(name) }
        output += (operation.isEmpty ? value : Self.apply(operation, to: value) ?? value).utf8
        return end + 1
    }

    /// `${#VAR}`: the value's length in bytes, as Go's `len` counts.
    private func length(_ text: [UInt8], from start: Int, into output: inout [UInt8]) throws(Problem) -> Int {
        var index = start
        while index < text.count, Self.isNameByte(text[index]) { index += 1 }
        guard index < text.count else { throw .unterminated }
        guard index > start, text[index] == Self.close else { throw .unsupported(Self.excerpt(text, from: start - 1)) }
        let name = String(decoding: text[start..<index], as: UTF8.self)
        guard let value = variables[name] else { throw .missing(name) }
        output += String(value.utf8.count).utf8
        return index + 1
    }

    /// Where the default of `=`, `:=` or `:-` starts; nil for any other operator.
    private static func defaultOperator(_ text: [UInt8], at index: Int) -> Int? {
        if text[index] == UInt8(ascii: "=") { return index + 1 }
        guard text[index] == UInt8(ascii: ":"), index + 1 < text.count else { return nil }
        let next = text[index + 1]
        return next == UInt8(ascii: "=") || next == UInt8(ascii: "-") ? index + 2 : nil
    }

    /// The `}` closing an expression, skipping nested `${…}`.
    private static func closingBrace(_ text: [UInt8], from start: Int) throws(Problem) -> Int {
        var depth = 0
        var index = start
        while index < text.count {
            if text[index] == dollar, index + 1 < text.count, text[index + 1] == open {
                depth += 1
                index += 2
                continue
            }
            if text[index] == close {
                if depth == 0 { return index }
                depth -= 1
            }
            index += 1
        }
        throw .unterminated
    }

    static func isNameByte(_ byte: UInt8) -> Bool {
        (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
            || byte == UInt8(ascii: "_") || byte >= 0x80
    }

    private static func excerpt(_ text: [UInt8], from start: Int) -> String {
        let end = (try? closingBrace(text, from: start)).map { $0 + 1 } ?? min(text.count, start + 40)
        return "${" + String(decoding: text[start..<end], as: UTF8.self)
    }
}
