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
    let bestIndent: Int
    let bestWidth: Int
    let flavor: YAMLWriter.Flavor
    let isV3: Bool

    var rootContext = false
    var mappingContext = false
    var simpleKeyContext = false
    /// yaml.v3 indents a node by 2 when it is a sequence item (its "- " counts), else to the next step.
    var sequenceItemContext = false

    init(flavor: YAMLWriter.Flavor = .sigsYAML, capacity: Int = 256) {
        self.flavor = flavor
        switch flavor {
        case .sigsYAML:
            bestIndent = 2
            bestWidth = 80
            isV3 = false
        case .yamlV3(let indent):
            bestIndent = (2...9).contains(indent) ? indent : 4
            // yaml.v3 starts with an unlimited width: it never folds long lines.
            bestWidth = Int.max
            isV3 = true
        }
        output.reserveCapacity(capacity)
    }

    /// Writes one document as `yaml.Marshal` does: the node, then a final line break.
    mutating func emitDocument(_ value: JSONValue) {
        column = 0
        indent = -1
        indents.removeAll(keepingCapacity: true)
        whitespace = true
        indention = true
        emitNode(value, root: true, mapping: false, simpleKey: false, sequenceItem: false)
        writeIndent()
    }

    mutating func emitNode(_ value: JSONValue, root: Bool, mapping: Bool, simpleKey: Bool, sequenceItem: Bool) {
        rootContext = root
        mappingContext = mapping
        simpleKeyContext = simpleKey
        sequenceItemContext = sequenceItem
        switch value {
        case .null: emitWord("null")
        case .bool(let flag): emitWord(flag ? "true" : "false")
        case .int(let number): emitWord(String(number))
        case .double(let number): emitWord(isV3 ? GoFloat.formatG(number) : NumberText.kubernetes(number))
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

    /// Null, booleans and numbers: always plain, never folded, so written directly.
    mutating func emitWord(_ word: String) {
        if !whitespace { put(0x20) }
        output.append(contentsOf: word.utf8)
        column += word.utf8.count
        whitespace = false
        indention = false
    }

    mutating func emitString(_ text: String) {
        var text = text
        let fast = text.withUTF8 { buffer -> Bool in
            guard Self.isSimplePlain(buffer) else { return false }
            if !whitespace { put(0x20) }
            output.append(contentsOf: buffer)
            column += buffer.count
            whitespace = false
            indention = false
            return true
        }
        if fast { return }
        let bytes = Array(text.utf8)
        let requested: ScalarStyle
        if bytes.contains(0x0A) {
            requested = .literal
        } else if ScalarResolver.canBePlain(text, schema: isV3 ? .v3 : .v2) {
            requested = .plain
        } else {
            requested = .doubleQuoted
        }
        emitScalar(bytes, requested: requested)
    }

    mutating func emitEmptyFlow(open: UInt8, close: UInt8) {
        writeIndicator(open, needWhitespace: true, isWhitespace: true, isIndention: false)
        increaseIndent(flow: true, indentless: false)
        popIndent()
        writeIndicator(close, needWhitespace: false, isWhitespace: false, isIndention: false)
    }

    mutating func emitSequence(_ items: [JSONValue]) {
        // v2 writes a sequence under a key level with the key; v3 (without compact mode) indents it.
        increaseIndent(flow: false, indentless: !isV3 && mappingContext && !indention)
        for item in items {
            writeIndent()
            writeIndicator(UInt8(ascii: "-"), needWhitespace: true, isWhitespace: false, isIndention: true)
            emitNode(item, root: false, mapping: false, simpleKey: false, sequenceItem: true)
        }
        popIndent()
    }

    mutating func emitMapping(_ members: [String: JSONValue]) {
        increaseIndent(flow: false, indentless: false)
        for (key, value) in GoKeyOrder.sortedMembers(members, v3: isV3) {
            writeIndent()
            // go-yaml's simple-key test: one line and at most 128 bytes, else `? key` / `: value`.
            if key.utf8.count <= 128, !Self.containsBreak(key) {
                emitNode(.string(key), root: false, mapping: true, simpleKey: true, sequenceItem: false)
                writeIndicator(UInt8(ascii: ":"), needWhitespace: false, isWhitespace: false, isIndention: false)
            } else {
                writeIndicator(UInt8(ascii: "?"), needWhitespace: true, isWhitespace: false, isIndention: true)
                emitNode(.string(key), root: false, mapping: true, simpleKey: false, sequenceItem: false)
                writeIndent()
                writeIndicator(UInt8(ascii: ":"), needWhitespace: true, isWhitespace: false, isIndention: true)
            }
            emitNode(value, root: false, mapping: true, simpleKey: false, sequenceItem: false)
        }
        popIndent()
    }

    /// `ScalarBytes.containsBreak` without copying the key when it has no byte a break starts with.
    static func containsBreak(_ key: String) -> Bool {
        guard key.utf8.contains(where: { $0 == 0x0A || $0 == 0x0D || $0 == 0xC2 || $0 == 0xE2 }) else { return false }
        return ScalarBytes.containsBreak(Array(key.utf8))
    }

    mutating func increaseIndent(flow: Bool, indentless: Bool) {
        indents.append(indent)
        if indent < 0 {
            indent = flow ? bestIndent : 0
        } else if !indentless {
            if !isV3 {
                indent += bestIndent
            } else if sequenceItemContext {
                indent += 2
            } else {
                indent = bestIndent * ((indent + bestIndent) / bestIndent)
            }
        }
    }

    mutating func popIndent() {
        indent = indents.removeLast()
    }
}
