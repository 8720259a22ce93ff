import CapstanCore

/// What a stage plugs into its publisher to answer TRIGGER, STATUS and GET. Called on the
/// publisher's socket thread: answer quickly, hand long work to the stage's own tasks.
public protocol RequestHandler: Sendable {
    /// `TRIGGER <name>`: an OK body, or a failure the client receives as ERR.
    func trigger(_ name: String) -> Result<JSONValue, RequestRefusal>
    /// `STATUS`: the stage's view of itself.
    func status() -> JSONValue
    /// `GET <digest>`: where the bytes named `digest` can be read, or nil when unknown.
    func payload(for digest: Digest) -> (any PayloadSource)?
    /// Stage-specific verbs answered besides the standard ones (`SUSPEND`, `RESUME`, …).
    var customVerbs: Set<String> { get }
    /// `<VERB> <name>` for a verb in `customVerbs`: an OK body, or a refusal sent as ERR.
    func perform(_ verb: String, name: String) -> Result<JSONValue, RequestRefusal>
}

/// Why a stage refused a request; sent back as the ERR reason.
public struct RequestRefusal: Error, Sendable, Equatable {
    public let reason: String
    public init(_ reason: String) { self.reason = reason }
}

extension RequestHandler {
    public func trigger(_ name: String) -> Result<JSONValue, RequestRefusal> { .failure(RequestRefusal("unknown trigger '\(name)'")) }
    public func status() -> JSONValue { .object([:]) }
    public func payload(for digest: Digest) -> (any PayloadSource)? { nil }
    public var customVerbs: Set<String> { [] }
    public func perform(_ verb: String, name: String) -> Result<JSONValue, RequestRefusal> {
        .failure(RequestRefusal("unknown request '\(verb)'"))
    }
}

/// A handler that knows nothing: the default of a publisher without one.
public struct NoRequests: RequestHandler {
    public init() {}
}
