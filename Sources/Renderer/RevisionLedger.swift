import Synchronization

/// The newest revision seen per source, so an app whose source moved on while it rendered is
/// rendered again with the newer revision instead of publishing a stale bundle.
public final class RevisionLedger: Sendable {
    private let latest = Mutex<[String: String]>([:])

    public init() {}

    /// Records `revision` as the newest of `source`.
    public func record(_ revision: String, for source: String) {
        latest.withLock { $0[source] = revision }
    }

    /// The newest revision of `source`, if any was recorded.
    public func newest(of source: String) -> String? {
        latest.withLock { $0[source] }
    }

    /// Whether a render of `source` at `revision` is already outdated.
    public func isStale(_ revision: String, of source: String) -> Bool {
        latest.withLock { $0[source].map { $0 != revision } ?? false }
    }
}
