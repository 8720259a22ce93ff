/// An event as it travels: with the publisher's epoch and its per-epoch sequence number.
public struct Envelope: Sendable, Hashable {
    public var event: Event
    /// A random id of the publishing process; a new one means the publisher restarted.
    public var epoch: String
    /// The publisher's counter within `epoch`; a jump means messages were lost.
    public var seq: UInt64

    public init(event: Event, epoch: String, seq: UInt64) {
        self.event = event
        self.epoch = epoch
        self.seq = seq
    }
}
