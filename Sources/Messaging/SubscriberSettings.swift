/// What a subscriber listens to and how it decides to resynchronise.
public struct SubscriberSettings: Sendable {
    /// Every upstream instance; the subscriber connects SUB + DEALER to each.
    public var upstreams: [Upstream]
    /// Topic prefixes to receive (`revision.`, `bundle.shop`); empty means every topic.
    public var topics: [String]
    /// The publishers' heartbeat interval; silence for `missedHeartbeats` of them forces a resync.
    public var heartbeatInterval: Duration
    public var missedHeartbeats: Int
    /// How long to wait for a SNAPSHOT reply before reopening the DEALER and asking again (forever).
    public var snapshotTimeout: Duration
    /// Events held for a slow consumer; an overflow drops the oldest and resyncs to recover it.
    public var bufferSize: Int

    public init(upstreams: [Upstream], topics: [String] = [], heartbeatInterval: Duration = .seconds(1),
                missedHeartbeats: Int = 3, snapshotTimeout: Duration = .seconds(1), bufferSize: Int = 4096) {
        self.upstreams = upstreams
        self.topics = topics
        self.heartbeatInterval = heartbeatInterval
        self.missedHeartbeats = missedHeartbeats
        self.snapshotTimeout = snapshotTimeout
        self.bufferSize = bufferSize
    }
}
