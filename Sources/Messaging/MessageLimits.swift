/// Bounds on what a peer may send: every socket's max message size and the codec's checks.
public struct MessageLimits: Sendable, Hashable {
    public var maxTopicBytes: Int
    public var maxHeaderBytes: Int
    public var maxFrames: Int
    /// libzmq disconnects a peer sending more than this in one message.
    public var maxMessageBytes: Int
    /// The size of one GET chunk.
    public var chunkBytes: Int

    public init(maxTopicBytes: Int = 256, maxHeaderBytes: Int = 64 << 10, maxFrames: Int = 64,
                maxMessageBytes: Int = 16 << 20, chunkBytes: Int = 1 << 20) {
        self.maxTopicBytes = maxTopicBytes
        self.maxHeaderBytes = maxHeaderBytes
        self.maxFrames = maxFrames
        self.maxMessageBytes = maxMessageBytes
        self.chunkBytes = chunkBytes
    }

    public static let `default` = MessageLimits()
}
