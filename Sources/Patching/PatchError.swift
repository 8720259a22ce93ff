/// Why a JSON patch, merge patch or strategic merge patch could not be applied; the API server
/// answers these with 422 (a failed `test` or a missing path) or 400 (a malformed patch).
public struct PatchError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The patch operation index (JSON patch), nil for other patch types.
    public let operationIndex: Int?
    /// The JSON pointer or field path where it failed.
    public let path: String
    /// What went wrong, in words an operator can act on.
    public let reason: String
    /// Whether the patch itself is malformed (400) rather than inapplicable to this object (422).
    public let isMalformed: Bool

    public init(operationIndex: Int? = nil, path: String, reason: String, isMalformed: Bool = false) {
        self.operationIndex = operationIndex
        self.path = path
        self.reason = reason
        self.isMalformed = isMalformed
    }

    public var description: String {
        let place = path.isEmpty ? "the document root" : "\"\(path)\""
        if let operationIndex { return "json patch operation \(operationIndex) at \(place): \(reason)" }
        return "patch at \(place): \(reason)"
    }
}
