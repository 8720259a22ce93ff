/// Which commit of a source's repository to follow: a branch, a tag, the highest tag in a
/// semver range, or one pinned commit.
public enum GitRef: Sendable, Hashable, CustomStringConvertible {
    case branch(String)
    case tag(String)
    /// A range such as `>=1.0.0 <2.0.0`, `~1.4` or `^2` (Masterminds/Flux syntax), checked by
    /// `SemverRangeSyntax` when the config is read; the fetcher resolves it against tags.
    case semver(String)
    /// A full 40-hex commit id, lowercased.
    case commit(String)

    /// The config field that names this kind of ref.
    public var kind: String {
        switch self {
        case .branch: "branch"
        case .tag: "tag"
        case .semver: "semver"
        case .commit: "commit"
        }
    }

    /// The branch, tag, range or commit id.
    public var value: String {
        switch self {
        case .branch(let value), .tag(let value), .semver(let value), .commit(let value): value
        }
    }

    public var description: String { "\(kind) \(value)" }
}
