/// What a missing map key evaluates to (text/template's `missingkey` option).
public enum MissingKey: String, Sendable {
    case `default`, invalid, zero, error
}

/// Options fixed when a template set is created.
public struct TemplateOptions: Sendable {
    public var missingKey: MissingKey
    public var leftDelim: String
    public var rightDelim: String
    /// Helm's engine: `<no value>` stripped from the output, `fail`/`required` errors reworded.
    public var helmMode: Bool
    /// Nested `template`/`include` depth before execution stops.
    public var maxDepth: Int
    /// Output bytes of one execution before it stops.
    public var maxOutputBytes: Int = 64 << 20

    public init(missingKey: MissingKey = .default, leftDelim: String = "{{", rightDelim: String = "}}",
                helmMode: Bool = false, maxDepth: Int = 10_000) {
        self.missingKey = missingKey
        self.leftDelim = leftDelim
        self.rightDelim = rightDelim
        self.helmMode = helmMode
        self.maxDepth = maxDepth
    }
}

/// Why a template failed: at parse time or while executing, with Go's message.
public struct TemplateError: Error, Sendable, CustomStringConvertible {
    public enum Phase: String, Sendable { case parse, exec }
    public let phase: Phase
    public let message: String

    public var description: String { message }
}

/// A set of named templates sharing functions and options, like Go's *template.Template tree set.
public final class TemplateSet: @unchecked Sendable {
    // Mutated only while parsing, before concurrent use; `tpl` parses into a copy.
    var trees: [String: ParsedTree] = [:]
    public let functions: FunctionTable
    public var options: TemplateOptions
    /// `ParseCache.fingerprint(functions)`, computed at the first parse.
    var functionsFingerprint: Int?

    public init(functions: FunctionTable, options: TemplateOptions = TemplateOptions()) {
        self.functions = functions
        self.options = options
    }

    /// A copy sharing parsed trees, for `tpl`, which parses into its own namespace.
    public func clone() -> TemplateSet {
        let copy = TemplateSet(functions: functions, options: options)
        copy.trees = trees
        copy.functionsFingerprint = functionsFingerprint
        return copy
    }

    public var templateNames: [String] { Array(trees.keys) }

    public func hasTemplate(_ name: String) -> Bool { trees[name] != nil }

    /// Parses `text` as template `name`; `{{define}}`s inside add more templates.
    public func parse(name: String, text: String) throws(TemplateError) {
        try parse(name: name, bytes: Array(text.utf8))
    }

    public func parse(name: String, bytes: [UInt8]) throws(TemplateError) {
        let fingerprint = functionsFingerprint ?? ParseCache.fingerprint(functions)
        functionsFingerprint = fingerprint
        let key = ParseCache.Key(name: name, bytes: bytes, leftDelim: options.leftDelim, rightDelim: options.rightDelim,
                                 functions: fingerprint)
        let parsed: [(String, ParsedTree)]
        if !ParseCache.isEnabled {
            parsed = try parseUncached(name: name, bytes: bytes)
        } else if let cached = ParseCache.lookup(key) {
            parsed = cached
        } else {
            parsed = try parseUncached(name: name, bytes: bytes)
            ParseCache.store(key, parsed)
        }
        for (treeName, tree) in parsed {
            // A later empty definition does not replace an existing template (Go's associate).
            if let old = trees[treeName], tree.isEmpty, !old.isEmpty { continue }
            trees[treeName] = tree
        }
    }

    func parseUncached(name: String, bytes: [UInt8]) throws(TemplateError) -> [(String, ParsedTree)] {
        let functions = self.functions
        var parser = Parser(name: name, text: bytes, leftDelim: options.leftDelim, rightDelim: options.rightDelim,
                            hasFunction: { functions[$0] != nil })
        let parsed: [(String, ParsedTree)]
        do {
            parsed = try parser.parse()
        } catch {
            throw TemplateError(phase: .parse, message: error.message)
        }
        return parsed
    }

    /// Executes template `name` with `data` as dot and returns the output bytes.
    public func execute(name: String, data: Value) throws(TemplateError) -> [UInt8] {
        let executor = Executor(set: self)
        do {
            var bytes = try executor.run(name: name, data: data)
            if options.helmMode { bytes = HelmText.stripNoValue(bytes) }
            return bytes
        } catch {
            throw TemplateError(phase: .exec, message: error.message)
        }
    }

    public func executeString(name: String, data: Value) throws(TemplateError) -> String {
        String(decoding: try execute(name: name, data: data), as: UTF8.self)
    }
}

/// Helm's post-processing of rendered text.
enum HelmText {
    static let noValue: [UInt8] = Array("<no value>".utf8)

    static func stripNoValue(_ bytes: [UInt8]) -> [UInt8] {
        guard bytes.count >= noValue.count, contains(noValue, in: bytes) else { return bytes }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var i = 0
        let n = noValue.count
        while i < bytes.count {
            if bytes[i] == UInt8(ascii: "<") && i + n <= bytes.count && bytes[i..<(i + n)].elementsEqual(noValue) {
                i += n
                continue
            }
            out.append(bytes[i])
            i += 1
        }
        return out
    }

    /// Whether `needle` (non-empty) occurs in `bytes`; the common answer, no, without copying.
    static func contains(_ needle: [UInt8], in bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { haystack in
            needle.withUnsafeBufferPointer { needle in
                guard let first = needle.first, haystack.count >= needle.count else { return false }
                var i = 0
                let last = haystack.count - needle.count
                while i <= last {
                    if haystack[i] == first {
                        var j = 1
                        while j < needle.count && haystack[i + j] == needle[j] { j += 1 }
                        if j == needle.count { return true }
                    }
                    i += 1
                }
                return false
            }
        }
    }
}
