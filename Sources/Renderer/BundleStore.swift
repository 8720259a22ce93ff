import CapstanCore
import Foundation
import Synchronization

/// Bundles on disk, named by digest, with each app's recent history, so a restarted renderer
/// serves what it rendered before and an applier can GET any bundle it was told about.
///
/// Layout: `bundles/<hex>.yaml` (content-addressed, shared by apps) and `apps/<app>.json`
/// (`{"current": digest, "history": [digest…]}`, newest first). Every write goes to a temp file
/// renamed into place, so a crash never leaves a half-written bundle or index.
public final class BundleStore: Sendable {
    public let directory: String
    /// How many bundles per app stay on disk, the current one included.
    public let keep: Int
    private let lock = Mutex<Void>(())

    public init(directory: String, keep: Int = 5) throws(RenderError) {
        self.directory = directory
        self.keep = max(1, keep)
        for sub in ["bundles", "apps"] {
            do {
                try FileManager.default.createDirectory(
                    atPath: "\(directory)/\(sub)", withIntermediateDirectories: true)
            } catch { throw RenderError(.storage, at: directory, "cannot create the bundle store: \(error)") }
        }
    }

    /// Stores `bundle` as `app`'s current one and trims the app's history to `keep`.
    public func store(_ bundle: ManifestBundle, for app: String) throws(RenderError) {
        try lock.withLock { _ throws(RenderError) in
            try DiskFile.write(bundle.bytes, to: path(of: bundle.digest))
            var history = index(of: app)
            history.removeAll { $0 == bundle.digest }
            history.insert(bundle.digest, at: 0)
            let dropped = Array(history.dropFirst(keep))
            history = Array(history.prefix(keep))
            try writeIndex(history, for: app)
            removeUnreferenced(dropped)
        }
    }

    /// The digest of `app`'s current bundle, if one was stored.
    public func current(of app: String) -> Digest? {
        lock.withLock { _ in index(of: app).first }
    }

    /// Every app with a current bundle, and that bundle's digest.
    public func currentBundles() -> [String: Digest] {
        lock.withLock { _ in
            let names = (try? FileManager.default.contentsOfDirectory(atPath: "\(directory)/apps")) ?? []
            var result: [String: Digest] = [:]
            for name in names where name.hasSuffix(".json") {
                let app = String(name.dropLast(5))
                if let digest = index(of: app).first { result[app] = digest }
            }
            return result
        }
    }

    /// The bytes of a stored bundle, verified against its digest; nil when absent or corrupt.
    public func read(_ digest: Digest) -> [UInt8]? {
        guard let data = FileManager.default.contents(atPath: path(of: digest)) else { return nil }
        let bytes = [UInt8](data)
        return Digest(of: bytes) == digest ? bytes : nil
    }

    /// The file a digest is stored in.
    public func path(of digest: Digest) -> String { "\(directory)/bundles/\(digest.hex).yaml" }

    private func indexPath(_ app: String) -> String { "\(directory)/apps/\(app).json" }

    private func index(of app: String) -> [Digest] {
        guard let data = FileManager.default.contents(atPath: indexPath(app)),
            let value = try? JSONValue.parse([UInt8](data)), let list = value["history"]?.arrayValue
        else { return [] }
        return list.compactMap { $0.stringValue.flatMap(Digest.init) }
    }

    private func writeIndex(_ history: [Digest], for app: String) throws(RenderError) {
        let value = JSONValue.object([
            "current": .string(history[0].description),
            "history": .array(history.map { .string($0.description) }),
        ])
        try DiskFile.write(Array(value.serialized().utf8), to: indexPath(app))
    }

    /// Deletes dropped bundles that no app's history still names.
    private func removeUnreferenced(_ dropped: [Digest]) {
        guard !dropped.isEmpty else { return }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: "\(directory)/apps")) ?? []
        let referenced = Set(names.filter { $0.hasSuffix(".json") }.flatMap { index(of: String($0.dropLast(5))) })
        for digest in dropped where !referenced.contains(digest) {
            try? FileManager.default.removeItem(atPath: path(of: digest))
        }
    }
}
