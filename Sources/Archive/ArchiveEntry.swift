/// One entry of a tar archive as read: path, kind and size; content is read separately.
public struct ArchiveEntry: Sendable, Equatable {
    /// The closed set of entry kinds; anything else is reported as `.other` with its type flag.
    public enum Kind: Sendable, Equatable {
        case file(executable: Bool)
        case directory
        case symlink(target: String)
        case hardlink(target: String)
        case other(typeFlag: UInt8)
    }

    public let path: String
    public let kind: Kind
    public let size: Int
}
