import Git

/// A source that could not be fetched or packed, said for an operator, with what the loop should do next.
public struct FetchError: Error, Sendable, CustomStringConvertible {
    /// What the poll loop does with the failure.
    public enum Action: Sendable, Equatable {
        /// Transient (network, timeout): back off and try again.
        case retry
        /// Needs a user's fix (bad credentials, missing ref, limits): try again on the next interval.
        case waitForFix
    }

    public let message: String
    public let action: Action

    public init(_ message: String, action: Action) {
        self.message = message
        self.action = action
    }

    public var description: String { message }

    static func limit(_ message: String) -> FetchError { FetchError(message, action: .waitForFix) }

    /// Wraps a libgit2 failure for source `source` at redacted URL `url`.
    static func git(_ error: GitError, source: String, url: String) -> FetchError {
        let action: Action = switch error.kind {
        case .authentication, .certificate, .notFound, .limit: .waitForFix
        case .timeout, .other: .retry
        }
        return FetchError("source \(source) (\(RemoteURL.redact(url))): \(error.function): \(RemoteURL.redact(error.message))", action: action)
    }
}
