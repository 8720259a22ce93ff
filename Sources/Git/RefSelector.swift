/// Which commit of a source to take: a branch, a tag, the highest tag in a SemVer range, or a pinned commit.
public enum RefSelector: Sendable, Equatable, CustomStringConvertible {
    case branch(String)
    case tag(String)
    case semver(String)
    case commit(String)

    /// Reads `branch:main`, `tag:v1`, `semver:>=1.0.0`, `commit:<sha>`; a bare name is a branch.
    public init(parsing text: String) {
        let pieces = text.split(separator: ":", maxSplits: 1)
        guard pieces.count == 2 else { self = .branch(text); return }
        let value = String(pieces[1])
        switch pieces[0] {
        case "branch": self = .branch(value)
        case "tag": self = .tag(value)
        case "semver": self = .semver(value)
        case "commit": self = .commit(value)
        default: self = .branch(text)
        }
    }

    public var description: String {
        switch self {
        case .branch(let name): "branch:\(name)"
        case .tag(let name): "tag:\(name)"
        case .semver(let range): "semver:\(range)"
        case .commit(let id): "commit:\(id)"
        }
    }
}

/// A selector resolved in a mirror: the ref name a revision carries (empty for a pinned commit) and its commit.
public struct ResolvedRef: Sendable, Equatable {
    public let name: String
    public let commit: ObjectID

    public init(name: String, commit: ObjectID) {
        self.name = name
        self.commit = commit
    }
}
