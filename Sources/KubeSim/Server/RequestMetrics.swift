import NIOConcurrencyHelpers

/// `apiserver_request_total{verb,resource,code}`, so tests can count requests by verb.
public final class RequestMetrics: Sendable {
    private struct Key: Hashable { var verb: String, resource: String, code: Int }
    private let counts = NIOLockedValueBox<[Key: Int]>([:])

    public init() {}

    func count(verb: String, resource: String, code: Int) {
        counts.withLockedValue { $0[Key(verb: verb, resource: resource, code: code), default: 0] += 1 }
    }

    /// How many requests of this verb (and resource, when given) were answered.
    public func total(verb: String, resource: String? = nil) -> Int {
        counts.withLockedValue { counts in
            counts.filter { $0.key.verb == verb && (resource == nil || $0.key.resource == resource) }.values.reduce(0, +)
        }
    }

    /// The Prometheus text exposition.
    public func render() -> String {
        let snapshot = counts.withLockedValue { $0 }
        var text = "# HELP apiserver_request_total Counter of apiserver requests broken out for each verb, resource and HTTP response code.\n"
        text += "# TYPE apiserver_request_total counter\n"
        for (key, value) in snapshot.sorted(by: { ($0.key.verb, $0.key.resource, $0.key.code) < ($1.key.verb, $1.key.resource, $1.key.code) }) {
            text += "apiserver_request_total{code=\"\(key.code)\",resource=\"\(key.resource)\",verb=\"\(key.verb)\"} \(value)\n"
        }
        return text
    }
}
