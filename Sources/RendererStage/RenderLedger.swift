import Foundation
import Renderer
import Synchronization

/// The app → last good render map on disk (`ledger.json` in the data directory), rewritten
/// atomically after every render that changed it.
final class RenderLedger: Sendable {
    let path: String
    private let records: Mutex<[String: RenderRecord]>

    /// Reads the ledger; a missing or unreadable file starts empty (everything renders again).
    init(path: String) {
        self.path = path
        let data = FileManager.default.contents(atPath: path)
        let decoded = data.flatMap { try? Self.decoder.decode([String: RenderRecord].self, from: $0) }
        records = Mutex(decoded ?? [:])
    }

    var all: [String: RenderRecord] { records.withLock { $0 } }

    /// Records `record` as its app's last good render and writes the file.
    func record(_ record: RenderRecord) throws(RenderError) {
        try records.withLock { records throws(RenderError) in
            records[record.app] = record
            do {
                try Self.encoder.encode(records).write(to: URL(fileURLWithPath: path), options: .atomic)
            } catch {
                throw RenderError(.storage, at: path, "cannot write the render ledger: \(error)", hint: "check disk space and permissions")
            }
        }
    }

    private static var encoder: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        encoder.dateEncodingStrategy = .iso8601
        return encoder
    }

    private static var decoder: JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return decoder
    }
}
