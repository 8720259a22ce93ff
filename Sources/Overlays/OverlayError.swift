/// Why an overlay could not be built, worded as kustomize words it so users recognise it,
/// and naming the kustomization directory it happened in.
public struct OverlayError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The kustomization directory (relative to the tree's root) being built, when known.
    public var directory: String
    /// What went wrong.
    public var message: String

    public init(_ message: String, in directory: String = "") {
        self.message = message
        self.directory = directory
    }

    public var description: String {
        directory.isEmpty ? message : "\(directory): \(message)"
    }

    /// The same error with kustomize's context prefix, as its errors.WrapPrefixf adds.
    func prefixed(_ prefix: String) -> OverlayError {
        OverlayError("\(prefix): \(message)", in: directory)
    }
}
