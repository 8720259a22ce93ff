import CapstanCore
import Foundation

/// The fetcher's shared view of its sources, read synchronously by STATUS, TRIGGER, GET and webhooks.
public final class SourceBoard: @unchecked Sendable {
    // Safe to share: every field is read and written with `lock` held.
    private let lock = NSLock()
    private var statuses: [String: SourceStatus]
    private var revisions: [String: FetchedRevision] = [:]
    private let wakeups: [String: Wakeup]

    init(names: [String]) {
        statuses = Dictionary(uniqueKeysWithValues: names.map { ($0, SourceStatus(name: $0)) })
        wakeups = Dictionary(uniqueKeysWithValues: names.map { ($0, Wakeup()) })
    }

    /// Every source's status, sorted by name.
    public func status() -> [SourceStatus] {
        lock.withLock { statuses.values.sorted { $0.name < $1.name } }
    }

    /// The current revision of every source that has one.
    public func currentRevisions() -> [FetchedRevision] {
        lock.withLock { revisions.values.sorted { $0.source < $1.source } }
    }

    /// Asks a source to fetch now; false for an unknown source.
    @discardableResult
    public func trigger(_ source: String) -> Bool {
        guard let wakeup = wakeups[source] else { return false }
        wakeup.signal()
        return true
    }

    /// The artifact file of `digest` if some source's current revision has it.
    public func artifactPath(for digest: Digest) -> String? {
        lock.withLock { revisions.values.first { $0.digest == digest }?.path }
    }

    func wakeup(_ source: String) -> Wakeup { wakeups[source]! }

    func update(_ source: String, _ change: (inout SourceStatus) -> Void) {
        lock.withLock { change(&statuses[source, default: SourceStatus(name: source)]) }
    }

    func revision(of source: String) -> FetchedRevision? {
        lock.withLock { revisions[source] }
    }

    func setRevision(_ revision: FetchedRevision) {
        lock.withLock { revisions[revision.source] = revision }
    }
}
