/// What `/readyz` answers: ready, or the conditions still unmet and why.
public struct ReadinessReport: Sendable, Equatable {
    /// One condition that is not met yet.
    public struct Unmet: Sendable, Equatable {
        public var name: String
        public var reason: String
    }

    public var unmet: [Unmet]

    public var isReady: Bool { unmet.isEmpty }

    /// `ready`, or `not ready` followed by one `name: reason` line per unmet condition.
    public var text: String {
        if isReady { return "ready\n" }
        return "not ready\n" + unmet.map { "\($0.name): \($0.reason)\n" }.joined()
    }
}
