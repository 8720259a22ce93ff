/// Bounds on what a render may read from a repository, so hostile content cannot exhaust memory.
public struct SourceLimits: Sendable, Equatable {
    /// The largest single file, in bytes.
    public var maxFileBytes: Int
    /// The most files one render may read.
    public var maxFiles: Int
    /// The most bytes one render may read in all.
    public var maxTotalBytes: Int

    public init(maxFileBytes: Int, maxFiles: Int, maxTotalBytes: Int) {
        self.maxFileBytes = maxFileBytes
        self.maxFiles = maxFiles
        self.maxTotalBytes = maxTotalBytes
    }

    /// 8 MiB per file, 20 000 files, 256 MiB in all.
    public static let `default` = SourceLimits(maxFileBytes: 8 << 20, maxFiles: 20_000, maxTotalBytes: 256 << 20)
}
