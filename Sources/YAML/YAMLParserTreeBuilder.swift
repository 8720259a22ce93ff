/// Builds documents from parse events: resolves aliases, refuses duplicate keys, enforces limits.
struct YAMLParserTreeBuilder {
    /// A sequence or mapping still open on the stack; its children sit on `children` from `start`.
    private struct Frame {
        var isMapping: Bool
        var tag: String?
        var mark: YAMLMark
        var anchor: String?
        var start: Int
        /// Nodes in this collection once aliases are expanded, itself included.
        var weight = 1
        var keys = YAMLParserKeyIndex()
    }

    let file: String
    let limits: YAMLLimits
    private(set) var documents: [YAMLDocument] = []
    private var bytes: YAMLParserByteCounter
    private var stack: [Frame] = []
    /// Children of every open collection, innermost last (a mapping's keys and values alternate).
    /// One shared buffer means each finished collection is copied once into an exact-size array.
    private var children: [YAMLNode] = []
    private var anchors: [String: (node: YAMLNode, weight: Int)] = [:]
    private var root: YAMLNode?
    private var documentMark = YAMLMark(line: 1, column: 1)
    private var documentStart: Int?
    private var aliases = 0
    private var expanded = 0

    init(file: String, limits: YAMLLimits, input: UnsafeBufferPointer<UInt8>) {
        self.file = file
        self.limits = limits
        bytes = YAMLParserByteCounter(input: input, limit: limits.maxDocumentBytes)
    }

    /// Takes one event; returns false once the stream has ended.
    mutating func consume(_ event: YAMLParserEvent) throws(YAMLError) -> Bool {
        try checkSize(upTo: event.endIndex)
        switch event.kind {
        case .streamStart(let utf16): bytes.utf16 = utf16
        case .streamEnd: return false
        case .documentStart: try startDocument(event)
        case .documentEnd: try endDocument(event)
        case .alias(let anchor): try alias(anchor, at: event.mark)
        case .scalar(let scalar, let anchor):
            try count(nodes: 1, at: event.mark)
            try attach(.scalar(scalar), weight: 1, anchor: anchor, at: event.mark)
        case .sequenceStart(let tag, let anchor): try open(mapping: false, tag: tag, anchor: anchor, at: event.mark)
        case .mappingStart(let tag, let anchor): try open(mapping: true, tag: tag, anchor: anchor, at: event.mark)
        case .sequenceEnd, .mappingEnd: try close()
        }
        return true
    }

    private mutating func startDocument(_ event: YAMLParserEvent) throws(YAMLError) {
        guard documents.count < limits.maxDocuments else {
            throw fail(
                "the stream holds more than \(limits.maxDocuments) documents (limit maxDocuments)", at: event.mark, kind: .limit)
        }
        documentMark = event.mark
        documentStart = event.startIndex
        root = nil
        anchors = [:]
        aliases = 0
        expanded = 0
    }

    private mutating func endDocument(_ event: YAMLParserEvent) throws(YAMLError) {
        if let start = documentStart, bytes.exceedsLimit(from: start, to: event.endIndex) {
            throw tooLarge(at: documentMark)
        }
        documentStart = nil
        documents.append(YAMLDocument(root: Self.isEmpty(root) ? nil : root, mark: documentMark))
    }

    /// libyaml reports a document with no content as one empty plain scalar.
    private static func isEmpty(_ node: YAMLNode?) -> Bool {
        guard case .scalar(let scalar) = node else { return node == nil }
        return scalar.value.isEmpty && scalar.style == .plain && scalar.tag == nil
    }

    private mutating func alias(_ anchor: String, at mark: YAMLMark) throws(YAMLError) {
        aliases += 1
        guard aliases <= limits.maxAliases else {
            throw fail("more than \(limits.maxAliases) aliases in one document (limit maxAliases)", at: mark, kind: .limit)
        }
        guard let target = anchors[anchor] else { throw unknownAnchor(anchor, at: mark) }
        try count(nodes: target.weight, at: mark)
        try attach(target.node, weight: target.weight, anchor: nil, at: mark)
    }

    private func unknownAnchor(_ anchor: String, at mark: YAMLMark) -> YAMLError {
        if stack.contains(where: { $0.anchor == anchor }) {
            return fail("alias *\(anchor) refers to a node that contains it; recursive aliases are not supported", at: mark)
        }
        return fail("alias *\(anchor) names no anchor defined before it in this document", at: mark)
    }

    private mutating func open(mapping: Bool, tag: String?, anchor: String?, at mark: YAMLMark) throws(YAMLError) {
        guard stack.count < limits.maxDepth else {
            throw fail("nesting deeper than \(limits.maxDepth) levels (limit maxDepth)", at: mark, kind: .limit)
        }
        try count(nodes: 1, at: mark)
        stack.append(Frame(isMapping: mapping, tag: tag, mark: mark, anchor: anchor, start: children.count))
    }

    private mutating func close() throws(YAMLError) {
        guard let frame = stack.popLast() else { return }
        let node: YAMLNode
        if frame.isMapping {
            var entries: [YAMLMapping.Entry] = []
            entries.reserveCapacity((children.count - frame.start) / 2)
            for index in stride(from: frame.start, to: children.count - 1, by: 2) {
                entries.append(YAMLMapping.Entry(key: children[index], value: children[index + 1]))
            }
            node = .mapping(YAMLMapping(entries: entries, tag: frame.tag, mark: frame.mark))
        } else {
            node = .sequence(YAMLSequence(items: Array(children[frame.start...]), tag: frame.tag, mark: frame.mark))
        }
        children.removeSubrange(frame.start...)
        try attach(node, weight: frame.weight, anchor: frame.anchor, at: frame.mark)
    }

    private mutating func attach(_ node: YAMLNode, weight: Int, anchor: String?, at mark: YAMLMark) throws(YAMLError) {
        if let anchor { anchors[anchor] = (node, weight) }
        let top = stack.count - 1
        guard top >= 0 else {
            root = node
            return
        }
        stack[top].weight += weight
        let isKey = stack[top].isMapping && (children.count - stack[top].start) % 2 == 0
        if isKey, limits.rejectsDuplicateKeys, let earlier = stack[top].keys.insert(node, line: mark.line, among: children, from: stack[top].start) {
            throw fail("mapping key \(YAMLParserKeyIndex.describe(node)) already defined at line \(earlier)", at: mark)
        }
        children.append(node)
    }

    private mutating func count(nodes: Int, at mark: YAMLMark) throws(YAMLError) {
        expanded += nodes
        guard expanded <= limits.maxExpandedNodes else {
            let reason = "the document expands to more than \(limits.maxExpandedNodes) nodes (limit maxExpandedNodes)"
            throw fail(aliases > 0 ? reason + "; its aliases multiply it like a billion-laughs bomb" : reason, at: mark, kind: .limit)
        }
    }

    private func checkSize(upTo end: Int) throws(YAMLError) {
        // Each character takes at least one byte, so a character span over the limit is over it in bytes too.
        if let start = documentStart, end - start > limits.maxDocumentBytes { throw tooLarge(at: documentMark) }
    }

    private func tooLarge(at mark: YAMLMark) -> YAMLError {
        fail("the document is larger than \(limits.maxDocumentBytes) bytes (limit maxDocumentBytes)", at: mark, kind: .limit)
    }

    private func fail(_ reason: String, at mark: YAMLMark, kind: YAMLError.Kind = .invalid) -> YAMLError {
        YAMLError(file: file, line: mark.line, column: mark.column, reason: reason, kind: kind)
    }
}
