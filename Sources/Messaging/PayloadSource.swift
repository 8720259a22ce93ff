import Foundation

/// Bytes a publisher serves to GET in chunks, read on demand so large payloads never sit in a message whole.
public protocol PayloadSource: Sendable {
    var size: Int { get }
    /// Up to `length` bytes from `offset`.
    func read(offset: Int, length: Int) throws -> [UInt8]
}

/// A payload held in memory.
public struct BytesPayload: PayloadSource {
    public let bytes: [UInt8]
    public init(_ bytes: [UInt8]) { self.bytes = bytes }
    public var size: Int { bytes.count }
    public func read(offset: Int, length: Int) throws -> [UInt8] {
        let start = min(offset, bytes.count)
        return Array(bytes[start..<min(start + length, bytes.count)])
    }
}

/// A payload in a file (an artifact or bundle on disk), read chunk by chunk.
public struct FilePayload: PayloadSource {
    public let path: String
    public let size: Int

    /// Nil when the file cannot be opened.
    public init?(path: String) {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
              let size = (attributes[.size] as? NSNumber)?.intValue else { return nil }
        self.path = path
        self.size = size
    }

    public func read(offset: Int, length: Int) throws -> [UInt8] {
        let handle = try FileHandle(forReadingFrom: URL(fileURLWithPath: path))
        defer { try? handle.close() }
        try handle.seek(toOffset: UInt64(offset))
        return Array(try handle.read(upToCount: length) ?? Data())
    }
}
