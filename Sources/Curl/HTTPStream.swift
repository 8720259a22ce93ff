/// A streamed response: the head as soon as it arrives, then the body in chunks as they come.
///
/// Dropping the body sequence (or cancelling the task reading it) aborts the transfer.
public struct HTTPStream: Sendable {
    public let head: HTTPResponseHead
    public let body: AsyncThrowingStream<[UInt8], any Error>
}
