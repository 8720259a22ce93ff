/// One entry of a commit's tree, as the packer sees it.
public struct TreeEntry: Sendable {
    /// The closed set of things a git tree holds besides directories.
    public enum Kind: Sendable, Equatable {
        case file(executable: Bool)
        case symlink
        /// A gitlink: a submodule's commit, whose content is not in this repository.
        case submodule
    }

    /// Slash-separated path from the tree's root.
    public let path: String
    public let kind: Kind
    public let id: ObjectID
}
