/// Counters a subscriber keeps for metrics and tests.
public struct SubscriberStatistics: Sendable, Hashable {
    /// Snapshots applied (the first one of each upstream included).
    public var snapshots = 0
    /// Resyncs caused by a new epoch, a seq gap, silence or an overflowing consumer.
    public var resyncs = 0
    /// Messages refused by the codec.
    public var malformed = 0
    /// Events handed to the consumer's stream.
    public var delivered = 0
    /// Events the stream dropped because the consumer fell behind (recovered by resync).
    public var dropped = 0

    public init() {}
}
