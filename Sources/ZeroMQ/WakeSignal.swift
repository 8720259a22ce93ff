/// The sending end of a loop's inproc PAIR wake-up socket, shared by every thread that hands
/// the loop work.
///
/// `@unchecked Sendable`: libzmq sockets may be used from several threads when each use is
/// fenced by a full memory barrier; every use of `sender` holds `state`'s lock.
final class WakeSignal: @unchecked Sendable {
    private let state: Locked<Socket?>

    init(sender: Socket) { state = Locked(sender) }

    /// Sends one byte without blocking; losing it is harmless because a wake-up is pending.
    func signal() {
        state.withLock { sender in _ = try? sender?.send([[1]], wait: false) }
    }

    /// Closes the sender; later signals do nothing.
    func close() {
        state.withLock { sender in
            sender?.close()
            sender = nil
        }
    }
}
