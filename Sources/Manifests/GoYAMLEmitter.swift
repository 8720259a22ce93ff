import CapstanCore

/// go-yaml v2's block emitter reduced to what a JSON value can produce: block mappings with
/// sorted keys, indentless sequences under keys, `{}`/`[]` for empty collections, and go-yaml's
/// own scalar-style and line-folding decisions. Each column, indent and whitespace flag moves as
/// in go-yaml's `emitterc.go`, so the bytes match it, quirks included.
struct GoYAMLEmitter {
    var output: [UInt8] = []
    var column = 0
    var indent = -1
    var indents: [Int] = []
    var whitespace = true
    var indention = true
    let bestIndent = 2
    let bestWidth = 80

    var rootContext = false
    var mappingContext = false
    var simpleKeyContext = false

    init(capacity: Int = 256) {
        output.reserveCapacity(capacity)
    }

    /// Writes one document as `yaml.Marshal` does: the node, then a final line break.
    mutating func emitDocument(_ value: JSONValue) {
        column = 0
        indent = -1
        indents.removeAll(keepingCapacity: true)
        whitespace = true
        indention = true
        emitNode(value, root: true, mapping: false, simpleKey: false)
        writeIndent()
    }

    mutating func emitNode(_ value: JSONValue, root: Bool, mapping: Bool, simpleKey: Bool) {
        rootContext = root
        mappingContext = mapping
        simpleKeyContext = simpleKey
        switch value {
        case .null: emitScalar(Array("null".utf8), requested: .plain)
        case .bool(let flag): emitScalar(Array((flag ? "true" : "false").utf8), requested: .plain)
        case .int(let number): emitScalar(Array(String(number).utf8), requested: .plain)
        case .double(let number): emitScalar(Array(NumberText.kubernetes(number).utf8), requested: .plain)
        case .string(let text): emitString(text)
        case .array(let items):
            if items.isEmpty { emitEmptyFlow(open: UInt8(ascii: "["), close: UInt8(ascii: "]")) } else { emitSequence(items) }
        case .object(let members):
            if members.isEmpty {
                emitEmptyFlow(open: UInt8(ascii: "{"), close: UInt8(ascii: "}"))
            } else {
                emitMapping(members)
            }
        }
    }

    mutating func emitString(_ text: String) {
        let bytes = Array(text.utf8)
        let requested: ScalarStyle
        if bytes.contains(0x0A) {
            requested = .literal
        } else if ScalarResolver.canBePlain(text, schema: .v2) {
            requested = .plain
        } else {
            requested = .doubleQuoted
        }
        emitScalar(bytes, requested: requested)
    }

    mutating func emitEmptyFlow(open: UInt8, close: UInt8) {
        writeIndicator([open], needWhitespace: true, isWhitespace: true, isIndention: false)
        increaseIndent(flow: true, indentless: false)
        popIndent()
        writeIndicator([close], needWhitespace: false, isWhitespace: false, isIndention: false)
    }

    mutating func emitSequence(_ items: [JSONValue]) {
        increaseIndent(flow: false, indentless: mappingContext && !indention)
        for item in items {
            writeIndent()
            writeIndicator([UInt8(ascii: "-")], needWhitespace: true, isWhitespace: false, isIndention: true)
            emitNode(item, root: false, mapping: false, simpleKey: false)
        }
        popIndent()
    }

    mutating func emitMapping(_ members: [String: JSONValue]) {
        increaseIndent(flow: false, indentless: false)
        for key in GoKeyOrder.sorted(members.keys) {
            writeIndent()
            // go-yaml's simple-key test: one line and at most 128 bytes, else `? key` / `: value`.
            if key.utf8.count <= 128, !ScalarBytes.containsBreak(Array(key.utf8)) {
                emitNode(.string(key), root: false, mapping: true, simpleKey: true)
                writeIndicator([UInt8(ascii: ":")], needWhitespace: false, isWhitespace: false, isIndention: false)
            } else {
                writeIndicator([UInt8(ascii: "?")], needWhitespace: true, isWhitespace: false, isIndention: true)
                emitNode(.string(key), root: false, mapping: true, simpleKey: false)
                writeIndent()
                writeIndicator([UInt8(ascii: ":")], needWhitespace: true, isWhitespace: false, isIndention: true)
            }
            emitNode(members[key]!, root: false, mapping: true, simpleKey: false)
        }
        popIndent()
    }

    mutating func increaseIndent(flow: Bool, indentless: Bool) {
        indents.append(indent)
        if indent < 0 {
            indent = flow ? bestIndent : 0
        } else if !indentless {
            indent += bestIndent
        }
    }

    mutating func popIndent() {
        indent = indents.removeLast()
    }
}
