/// How much an archive may hold before unpacking stops: a hostile artifact cannot fill the disk.
public struct UnpackLimits: Sendable {
    public var maxBytes: Int
    public var maxEntries: Int

    public init(maxBytes: Int = 1 << 30, maxEntries: Int = 100_000) {
        self.maxBytes = maxBytes
        self.maxEntries = maxEntries
    }

    public static let `default` = UnpackLimits()
}

/// What an unpack wrote.
public struct UnpackSummary: Sendable, Equatable {
    public let files: Int
    public let bytes: Int
}
