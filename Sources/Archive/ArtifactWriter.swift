import CapstanCore

/// Writes a deterministic tar.gz to a new file entry by entry, hashing it as it goes, so an artifact of
/// any size is packed with bounded memory and its digest is known when the last byte is written.
public final class ArtifactWriter {
    private let file: HashingFile
    private let gzip: GzipDeflater
    private var finished = false
    /// Bytes of file content added so far (before compression).
    public private(set) var contentBytes = 0
    /// Entries added so far.
    public private(set) var entryCount = 0

    /// Fixed deflate level: changing it changes every digest.
    public static let compressionLevel: Int32 = 6

    /// Creates the artifact file at `path`, which must not exist.
    public init(path: String) throws {
        file = try HashingFile(creating: path)
        gzip = try GzipDeflater(sink: file, level: ArtifactWriter.compressionLevel)
    }

    /// Adds a regular file: mode 0755 when executable, 0644 otherwise.
    public func addFile(path: String, executable: Bool, contents: UnsafeRawBufferPointer) throws {
        try writeHeader(path: path, mode: executable ? 0o755 : 0o644, size: contents.count, type: .file, link: [])
        try gzip.write(contents)
        try pad(contents.count)
        contentBytes += contents.count
    }

    /// Adds a symbolic link to `target`.
    public func addSymlink(path: String, target: String) throws {
        try writeHeader(path: path, mode: 0o777, size: 0, type: .symlink, link: Array(target.utf8))
    }

    /// Ends the archive and returns its digest and compressed size.
    public func finish() throws -> (digest: Digest, size: Int) {
        precondition(!finished, "ArtifactWriter.finish called twice")
        finished = true
        try write([UInt8](repeating: 0, count: 1024))
        try gzip.finish()
        return (Digest(finalizing: try file.finish()), file.size)
    }

    private func writeHeader(path: String, mode: Int, size: Int, type: TarHeader.TypeFlag, link: [UInt8]) throws {
        let bytes = Array(path.utf8)
        let split = TarHeader.split(bytes)
        if split == nil || link.count > 100 {
            var records: [UInt8] = []
            if split == nil { records += TarHeader.paxRecord("path", bytes) }
            if link.count > 100 { records += TarHeader.paxRecord("linkpath", link) }
            try write(TarHeader(name: Array("././@PaxHeader".utf8), mode: 0o644, size: records.count, type: .paxExtended).encoded())
            try write(records)
            try pad(records.count)
        }
        let (prefix, name) = split ?? ([], Array(bytes.suffix(100)))
        try write(TarHeader(name: name, prefix: prefix, mode: mode, size: size, type: type, linkName: Array(link.prefix(100))).encoded())
        entryCount += 1
    }

    private func pad(_ size: Int) throws {
        let remainder = size % 512
        if remainder != 0 { try write([UInt8](repeating: 0, count: 512 - remainder)) }
    }

    private func write(_ bytes: [UInt8]) throws {
        try bytes.withUnsafeBytes { (raw) throws in try gzip.write(raw) }
    }
}
