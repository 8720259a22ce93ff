import CGit2

/// A failed libgit2 call: which C function failed and libgit2's own message, read on the calling thread.
public struct GitError: Error, Sendable, CustomStringConvertible {
    /// The C function that returned the failure (`git_remote_fetch`), or the Capstan step for our own checks.
    public let function: String
    /// libgit2's return code (negative), or -1 for Capstan's own checks.
    public let code: Int32
    /// What went wrong, in libgit2's words or ours.
    public let message: String
    /// What kind of failure this is, so callers decide on data rather than on text.
    public let kind: Kind

    /// The closed set of failures a caller treats differently.
    public enum Kind: Sendable, Equatable {
        case authentication, certificate, notFound, timeout, limit, other
    }

    public init(function: String, code: Int32 = -1, message: String, kind: Kind = .other) {
        self.function = function
        self.code = code
        self.message = message
        self.kind = kind
    }

    public var description: String { "\(function): \(message)" }
}

/// Turns a negative libgit2 return into a `GitError`, reading `git_error_last()` right away on this thread.
@discardableResult
func check(_ function: String, _ result: Int32) throws(GitError) -> Int32 {
    guard result < 0 else { return result }
    throw lastError(function, result)
}

/// The thread-local last libgit2 error as a `GitError`; call only right after the failed call.
func lastError(_ function: String, _ result: Int32) -> GitError {
    var message = "failed with code \(result)"
    var errorClass: Int32 = 0
    if let last = git_error_last(), let text = last.pointee.message {
        message = String(cString: text)
        errorClass = last.pointee.klass
    }
    return GitError(function: function, code: result, message: message, kind: kind(of: result, errorClass: errorClass))
}

private func kind(of code: Int32, errorClass: Int32) -> GitError.Kind {
    switch code {
    case GIT_EAUTH.rawValue: return .authentication
    case GIT_ECERTIFICATE.rawValue: return .certificate
    case GIT_ENOTFOUND.rawValue: return .notFound
    default: return errorClass == Int32(GIT_ERROR_SSH.rawValue) ? .authentication : .other
    }
}
