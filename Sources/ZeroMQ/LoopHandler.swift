/// The thread-bound side of a `SocketLoop`: owns its sockets and reacts to input and timers.
/// Every method is called on the loop's own thread only.
public protocol LoopHandler: AnyObject, SendableMetatype {
    /// The sockets to wait on; asked again before every poll.
    var pollSockets: [Socket] { get }
    /// `socket`, one of `pollSockets`, has input.
    func readable(_ socket: Socket)
    /// How long until the handler wants `tick()`; nil when it has no timer.
    func nextTick(now: ContinuousClock.Instant) -> Duration?
    /// Timers: called after every wake-up, whatever woke the loop.
    func tick(now: ContinuousClock.Instant)
    /// The loop is ending: close every socket.
    func close()
}
