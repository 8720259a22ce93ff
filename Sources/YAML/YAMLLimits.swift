/// Bounds that keep hostile YAML (billion laughs, deep nesting, huge inputs) from exhausting memory.
///
/// Every bound is checked while parsing, so a bomb fails fast with a `.limit` error naming the
/// bound, long before it is fully expanded. The defaults leave ample room for real manifests.
public struct YAMLLimits: Sendable, Hashable {
    /// Aliases (`*name`) allowed in one document.
    public var maxAliases: Int
    /// Nodes one document may hold once every alias counts as a full copy of what it names.
    public var maxExpandedNodes: Int
    /// Nesting of sequences and mappings allowed (the root collection is depth 1).
    public var maxDepth: Int
    /// Bytes one document may span in the input.
    public var maxDocumentBytes: Int
    /// Documents allowed in one stream.
    public var maxDocuments: Int
    /// Whether a repeated mapping key is an error (as Kubernetes reads manifests) or the later
    /// entry simply follows the earlier one (as go-yaml v2 reads kustomization files).
    public var rejectsDuplicateKeys: Bool

    public init(
        maxAliases: Int = 10_000,
        maxExpandedNodes: Int = 1_000_000,
        maxDepth: Int = 512,
        maxDocumentBytes: Int = 16 << 20,
        maxDocuments: Int = 10_000,
        rejectsDuplicateKeys: Bool = true
    ) {
        self.maxAliases = maxAliases
        self.maxExpandedNodes = maxExpandedNodes
        self.maxDepth = maxDepth
        self.maxDocumentBytes = maxDocumentBytes
        self.maxDocuments = maxDocuments
        self.rejectsDuplicateKeys = rejectsDuplicateKeys
    }

    /// The limits used when a caller names none.
    public static let `default` = YAMLLimits()
}
