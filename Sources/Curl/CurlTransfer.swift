/// The callbacks of one transfer, living on the worker thread that performs it.
///
/// curl calls back with a raw pointer to this object; it parses header lines into a head and
/// hands body bytes on. Not Sendable: it never leaves its thread.
final class CurlTransfer {
    private let onHead: (HTTPResponseHead) -> Void
    private let onData: (UnsafeRawBufferPointer) -> Bool
    private let isCancelled: () -> Bool
    private var status = 0
    private var headers: [HTTPHeader] = []
    private(set) var headDelivered = false

    init(
        onHead: @escaping (HTTPResponseHead) -> Void, onData: @escaping (UnsafeRawBufferPointer) -> Bool,
        isCancelled: @escaping () -> Bool
    ) {
        self.onHead = onHead
        self.onData = onData
        self.isCancelled = isCancelled
    }

    var cancelled: Bool { isCancelled() }

    /// One header line as curl delivers it, CRLF included.
    func receiveHeader(_ bytes: UnsafeRawBufferPointer) {
        // Worked on as bytes: one header line per callback, on every response.
        var end = bytes.count
        while end > 0, bytes[end - 1] == 0x0D || bytes[end - 1] == 0x0A { end -= 1 }
        let line = bytes[0..<end]
        if line.starts(with: "HTTP/".utf8) {
            status = Self.statusCode(in: String(decoding: line, as: UTF8.self))
            headers = []
        } else if line.isEmpty {
            if status >= 200 { deliverHead(status: status) }
        } else if let colon = line.firstIndex(of: UInt8(ascii: ":")) {
            let name = String(decoding: line[..<colon], as: UTF8.self).lowercased()
            var start = colon + 1
            var stop = end
            while start < stop, bytes[start] == 0x20 || bytes[start] == 0x09 { start += 1 }
            while stop > start, bytes[stop - 1] == 0x20 || bytes[stop - 1] == 0x09 { stop -= 1 }
            headers.append(HTTPHeader(name, String(decoding: bytes[start..<stop], as: UTF8.self)))
        }
    }

    /// Body bytes; false tells curl to abort.
    func receiveData(_ bytes: UnsafeRawBufferPointer) -> Bool {
        if isCancelled() { return false }
        if !headDelivered { deliverHead(status: status) }
        return onData(bytes)
    }

    /// Makes sure the head went out, for responses that end without a blank header line.
    func finish(status finalStatus: Int) {
        if !headDelivered { deliverHead(status: finalStatus) }
    }

    private func deliverHead(status: Int) {
        guard !headDelivered else { return }
        headDelivered = true
        onHead(HTTPResponseHead(status: status, headers: headers))
    }

    private static func statusCode(in line: String) -> Int {
        let parts = line.split(separator: " ", maxSplits: 2)
        return parts.count > 1 ? Int(parts[1]) ?? 0 : 0
    }
}

extension String {
    func trimmingSuffix(_ suffix: String) -> String {
        var text = self
        while let last = text.last, suffix.contains(last) { text.removeLast() }
        return text
    }

    func trimmingWhitespace() -> String {
        String(drop { $0 == " " || $0 == "\t" }.reversed().drop { $0 == " " || $0 == "\t" }.reversed())
    }
}

extension Substring {
    func trimmingWhitespace() -> String { String(self).trimmingWhitespace() }
}
