/// Splits a byte stream into newline-terminated lines (watch events are one JSON per line).
struct LineBuffer {
    private var bytes: [UInt8] = []
    private var start = 0

    mutating func append(_ chunk: [UInt8]) {
        if start > 0 && start * 2 >= bytes.count {
            bytes.removeFirst(start)
            start = 0
        }
        bytes += chunk
    }

    /// The next complete, non-empty line without its terminator, or nil until more bytes arrive.
    mutating func next() -> [UInt8]? {
        while let newline = bytes[start...].firstIndex(of: UInt8(ascii: "\n")) {
            let line = Array(bytes[start..<newline])
            start = newline + 1
            if line.contains(where: { $0 != UInt8(ascii: " ") && $0 != UInt8(ascii: "\r") }) { return line }
        }
        return nil
    }
}
