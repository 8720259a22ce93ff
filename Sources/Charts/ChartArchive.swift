import Archive
import Foundation
import Sandbox

/// Chart archives (`helm package` output, `charts/*.tgz`): a gzipped tar whose entries sit under
/// one top folder, read into memory with bounded size.
enum ChartArchive {
    static let maxBytes = 64 << 20
    static let maxEntries = 10_000

    static func isArchive(_ path: String) -> Bool {
        path.hasSuffix(".tgz") || path.hasSuffix(".tar.gz")
    }

    static func read(_ path: String, in tree: SourceTree) throws -> [ChartFile] {
        try read(bytes: try tree.read(path), origin: path)
    }

    /// The archive's files with the top folder stripped; `origin` names it in errors.
    static func read(bytes: [UInt8], origin: String) throws -> [ChartFile] {
        let temporary = FileManager.default.temporaryDirectory.appendingPathComponent("capstan-chart-\(UUID().uuidString).tgz").path
        guard FileManager.default.createFile(atPath: temporary, contents: Data(bytes)) else {
            throw ChartError("\(origin): cannot stage the chart archive in \(temporary)")
        }
        defer { try? FileManager.default.removeItem(atPath: temporary) }
        do {
            return try entries(ArchiveReader(path: temporary), origin: origin)
        } catch let error as ChartError {
            throw error
        } catch {
            throw ChartError("\(origin): not a readable chart archive: \(error)")
        }
    }

    static func entries(_ reader: ArchiveReader, origin: String) throws -> [ChartFile] {
        var files: [ChartFile] = []
        var total = 0
        while let entry = try reader.next() {
            guard case .file = entry.kind else { continue }
            let parts = entry.path.split(separator: "/").filter { $0 != "." }
            guard parts.count > 1, !entry.path.hasPrefix("/"), !parts.contains("..") else {
                throw ChartError("\(origin): archive entry '\(entry.path)' is outside the chart folder")
            }
            total += entry.size
            guard total <= maxBytes, files.count < maxEntries else {
                throw ChartError("\(origin): chart archive is larger than \(maxBytes >> 20) MiB or \(maxEntries) files")
            }
            var bytes: [UInt8] = []
            bytes.reserveCapacity(entry.size)
            try reader.readContent { bytes.append(contentsOf: $0) }
            files.append(ChartFile(path: parts.dropFirst().joined(separator: "/"), bytes: bytes))
        }
        return files
    }
}
