/// Why a JSON text could not be read, with the byte offset where reading stopped.
public struct JSONParseError: Error, Sendable, Equatable, CustomStringConvertible {
    public let offset: Int
    public let reason: String

    public var description: String { "invalid JSON at byte \(offset): \(reason)" }
}

/// How `JSONValue.parse` reads: API answers skip what nothing reads, bundles refuse what a YAML
/// reader would read differently (so the caller can fall back to it).
public struct JSONReadOptions: Sendable {
    /// Skip `metadata.managedFields` without building it: most of the bytes of a typical API
    /// object, and nothing in Capstan reads it.
    public var omittingManagedFields = false
    /// Refuse what a YAML reader would refuse or read differently: a key named twice, a number too
    /// large for a double, a `\u` escape of a surrogate, invalid UTF-8 and the characters YAML does
    /// not allow unescaped (DEL, C1 controls, U+FEFF, U+FFFE, U+FFFF).
    public var matchingYAML = false
    /// Nesting deeper than this is refused.
    public var maxDepth = 512

    public init(omittingManagedFields: Bool = false, matchingYAML: Bool = false, maxDepth: Int = 512) {
        self.omittingManagedFields = omittingManagedFields
        self.matchingYAML = matchingYAML
        self.maxDepth = maxDepth
    }
}

extension JSONValue {
    /// Parses one JSON text (RFC 8259), refusing nesting deeper than `maxDepth`.
    public static func parse(_ bytes: some Collection<UInt8>, maxDepth: Int = 512) throws(JSONParseError) -> JSONValue {
        try parse(ArraySlice(bytes), options: JSONReadOptions(maxDepth: maxDepth))
    }

    /// Parses one JSON text held in a slice (e.g. one document of a YAML stream) as `options` say.
    public static func parse(_ bytes: ArraySlice<UInt8>, options: JSONReadOptions) throws(JSONParseError) -> JSONValue {
        let result: Result<JSONValue, JSONParseError> = bytes.withUnsafeBufferPointer { buffer in
            var reader = JSONReader(bytes: buffer, options: options)
            do throws(JSONParseError) { return .success(try reader.readDocument()) } catch { return .failure(error) }
        }
        return try result.get()
    }

    /// Parses one JSON text held in a string.
    public static func parse(_ text: String, maxDepth: Int = 512) throws(JSONParseError) -> JSONValue {
        try parse(Array(text.utf8), maxDepth: maxDepth)
    }
}
