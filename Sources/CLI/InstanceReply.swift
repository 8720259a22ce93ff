import CapstanCore
import Messaging

/// One stage instance's answer to a request, or why there was none.
public struct InstanceReply: Sendable {
    public var stage: StageName
    public var endpoint: String
    public var result: Result<JSONValue, RequestError>

    public init(stage: StageName, endpoint: String, result: Result<JSONValue, RequestError>) {
        self.stage = stage
        self.endpoint = endpoint
        self.result = result
    }

    public var value: JSONValue? { try? result.get() }

    /// True when the instance did not answer at all (as opposed to refusing).
    public var timedOut: Bool {
        if case .failure(.timeout) = result { true } else { false }
    }

    /// The failure as an operator reads it, naming the stage and its endpoint.
    public var failure: String? {
        guard case .failure(let error) = result else { return nil }
        switch error {
        case .timeout(_, let attempts):
            return "\(stage.rawValue) at \(endpoint) did not answer (\(attempts) attempt(s)); is it running, and is stages.\(stage.rawValue) in the config right?"
        case .refused(_, let reason):
            return "\(stage.rawValue) at \(endpoint): request refused: \(reason)"
        case .malformedReply(_, let reason):
            return "\(stage.rawValue) at \(endpoint): malformed reply: \(reason)"
        default:
            return "\(stage.rawValue) at \(endpoint): \(error)"
        }
    }
}
