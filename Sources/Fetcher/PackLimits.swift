/// How big an artifact may get: a hostile or runaway repository fails clearly instead of filling the disk.
public struct PackLimits: Sendable, Equatable {
    /// Bytes of file content, before compression.
    public var maxBytes: Int
    /// Files and symlinks packed.
    public var maxFiles: Int

    public init(maxBytes: Int = 1 << 30, maxFiles: Int = 100_000) {
        self.maxBytes = maxBytes
        self.maxFiles = maxFiles
    }
}

/// What packing a tree produced.
public struct PackResult: Sendable, Equatable {
    public let digest: String
    public let size: Int
    public let files: Int
    /// Entries left out that a user may want to know about (escaping symlinks, submodules).
    public let warnings: [String]
}
