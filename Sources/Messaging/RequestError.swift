import CapstanCore

/// Why a request to another stage failed; `isRetryable` tells a loop whether to try again later.
public enum RequestError: Error, Sendable, Equatable, CustomStringConvertible {
    /// No reply after every attempt (the socket was reopened between attempts).
    case timeout(endpoint: String, attempts: Int)
    /// The stage answered ERR.
    case refused(endpoint: String, reason: String)
    /// The reply did not follow the protocol.
    case malformedReply(endpoint: String, reason: String)
    /// GET received bytes whose sha256 is not the one asked for; nothing was returned.
    case digestMismatch(expected: Digest, actual: Digest)
    /// The client was closed while the request was pending.
    case closed
    /// The received payload could not be stored locally (GET to a file).
    case storage(reason: String)
    /// No instance asked (`RequestClient.get(_:to:fromFirstOf:)`) served the payload; one reason per instance.
    case unavailable(digest: Digest, reasons: [String])
    /// The waiting task was cancelled before the reply came (cancellable requests only).
    case cancelled

    public var isRetryable: Bool {
        switch self {
        case .timeout, .digestMismatch, .malformedReply, .storage, .unavailable: true
        case .refused, .closed, .cancelled: false
        }
    }

    public var description: String {
        switch self {
        case .timeout(let endpoint, let attempts): "\(endpoint): no reply after \(attempts) attempt(s); is the stage running?"
        case .refused(let endpoint, let reason): "\(endpoint): request refused: \(reason)"
        case .malformedReply(let endpoint, let reason): "\(endpoint): malformed reply: \(reason)"
        case .digestMismatch(let expected, let actual): "received bytes hash to \(actual), not \(expected); discarded"
        case .closed: "the request client was closed"
        case .storage(let reason): "could not store the received payload: \(reason)"
        case .cancelled: "the request was cancelled before its reply"
        case .unavailable(let digest, let reasons): "no instance served \(digest): \(reasons.joined(separator: "; "))"
        }
    }
}
