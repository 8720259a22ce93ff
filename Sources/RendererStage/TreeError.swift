import CapstanCore

/// Why an artifact's tree could not be made; `fetch` is worth retrying, `unpack` is not.
enum TreeError: Error, CustomStringConvertible {
    case fetch(artifact: Digest, reason: String)
    case unpack(artifact: Digest, reason: String)

    var description: String {
        switch self {
        case .fetch(let artifact, let reason): "cannot GET artifact \(artifact): \(reason)"
        case .unpack(let artifact, let reason): "artifact \(artifact) refused while unpacking: \(reason)"
        }
    }

    var isRetryable: Bool {
        if case .fetch = self { return true }
        return false
    }
}
