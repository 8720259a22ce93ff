import CapstanCore

/// One keyed, idempotent event a stage publishes (`revision.<source>`, `bundle.<app>`,
/// `status.<app>`): the unit the Clone pattern keeps the latest of, per key.
public struct Event: Sendable, Hashable {
    /// The topic, which is also the event's key: the latest event per topic is the state.
    public var topic: String
    /// The event's own header fields (`digest`, `revision`, …); `v`, `epoch` and `seq` are added on the wire.
    public var fields: [String: JSONValue]
    /// Optional payload frames after the header.
    public var payload: [[UInt8]]

    public init(topic: String, fields: [String: JSONValue] = [:], payload: [[UInt8]] = []) {
        self.topic = topic
        self.fields = fields
        self.payload = payload
    }

    /// The key the latest state is kept under.
    public var key: String { topic }

    /// The `digest` field, when the event names content by digest.
    public var digest: Digest? { fields["digest"]?.stringValue.flatMap(Digest.init) }

    /// What makes two events with one key the same for de-duplication: the digest when there is
    /// one, else the digest of the header fields and payload.
    public var identity: String {
        if let digest { return digest.description }
        var bytes = Array(JSONValue.object(fields).serialized().utf8)
        for frame in payload { bytes += [0] + frame }
        return Digest(of: bytes).description
    }
}
