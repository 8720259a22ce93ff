import CZeroMQ

extension Socket {
    /// Sends `frames` as one multipart message. With `wait: false` a full queue throws EAGAIN
    /// instead of blocking. An empty `frames` sends nothing.
    public func send(_ frames: [[UInt8]], wait: Bool = true) throws(ZeroMQError) {
        let handle = try open()
        let base: Int32 = wait ? 0 : ZMQ_DONTWAIT
        for (index, frame) in frames.enumerated() {
            let flags = index == frames.count - 1 ? base : base | ZMQ_SNDMORE
            let result = frame.withUnsafeBytes { bytes in
                zmq_send(handle, bytes.baseAddress, bytes.count, flags)
            }
            try check("zmq_send", result)
        }
    }

    /// Receives one multipart message. With `wait: false` it returns nil when nothing is
    /// queued; with `wait: true` it blocks until a message arrives (or the context shuts down).
    public func receive(wait: Bool = true) throws(ZeroMQError) -> [[UInt8]]? {
        let handle = try open()
        var frames: [[UInt8]] = []
        var message = zmq_msg_t()
        zmq_msg_init(&message)
        defer { zmq_msg_close(&message) }
        while true {
            let flags: Int32 = wait || !frames.isEmpty ? 0 : ZMQ_DONTWAIT
            if zmq_msg_recv(&message, handle, flags) == -1 {
                let error = lastError("zmq_msg_recv")
                if error.isInterrupted { continue }
                if error.isWouldBlock, frames.isEmpty { return nil }
                throw error
            }
            let size = zmq_msg_size(&message)
            let data = zmq_msg_data(&message)
            frames.append(size == 0 ? [] : Array(UnsafeRawBufferPointer(start: data, count: size)))
            if zmq_msg_more(&message) != 1 { break }
        }
        return frames
    }
}
