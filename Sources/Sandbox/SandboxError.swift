/// Why a path or read was refused, naming the path as the repository wrote it.
public struct SandboxError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What went wrong with a path.
    public enum Problem: Sendable, Equatable {
        case escapesRoot
        case absolute
        case symlinkOutside(String)
        case symlinkLoop
        case remote
        case notFound
        case tooLarge(limit: Int)
        case tooManyFiles(limit: Int)
        case totalTooLarge(limit: Int)
        case unreadable(String)
    }

    public let path: String
    public let problem: Problem

    public init(path: String, problem: Problem) {
        self.path = path
        self.problem = problem
    }

    public var description: String {
        switch problem {
        case .escapesRoot: "'\(path)' is outside the repository"
        case .absolute: "'\(path)' is an absolute path; paths must be relative to the repository"
        case .symlinkOutside(let target): "'\(path)' follows a symlink to '\(target)', outside the repository"
        case .symlinkLoop: "'\(path)' has too many levels of symbolic links"
        case .remote: "'\(path)' is a remote location; remote bases are not fetched at render time"
        case .notFound: "'\(path)' does not exist"
        case .tooLarge(let limit): "'\(path)' is larger than the \(limit)-byte limit per file"
        case .tooManyFiles(let limit): "reading '\(path)' exceeds the limit of \(limit) files per render"
        case .totalTooLarge(let limit): "reading '\(path)' exceeds the limit of \(limit) bytes per render"
        case .unreadable(let reason): "'\(path)' cannot be read: \(reason)"
        }
    }
}
