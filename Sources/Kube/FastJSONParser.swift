import CapstanCore

/// The JSON reading the applier's hot paths configure once: API answers (a LIST of 1 000 objects is
/// about a megabyte) without `metadata.managedFields`, bundles read as JSON only when a YAML reader
/// would read them the same. A thin front of `JSONValue.parse(_:options:)`.
public struct FastJSONParser: Sendable {
    public var omittingManagedFields = false
    public var matchingYAML = false
    public var maxDepth = 512

    public init(omittingManagedFields: Bool = false, matchingYAML: Bool = false) {
        self.omittingManagedFields = omittingManagedFields
        self.matchingYAML = matchingYAML
    }

    /// Parses one JSON text (RFC 8259).
    public func parse(_ bytes: [UInt8]) throws(FastJSONError) -> JSONValue {
        try parse(bytes[...])
    }

    /// Parses one JSON text held in a slice (e.g. one document of a YAML stream).
    public func parse(_ bytes: ArraySlice<UInt8>) throws(FastJSONError) -> JSONValue {
        try JSONValue.parse(bytes, options: JSONReadOptions(
            omittingManagedFields: omittingManagedFields, matchingYAML: matchingYAML, maxDepth: maxDepth))
    }
}

/// Why a JSON text could not be read, with the byte offset where reading stopped.
public typealias FastJSONError = JSONParseError
