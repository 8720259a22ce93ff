import Applier
import CapstanCore

/// Everything the board keeps about one app; only touched under the board's lock.
struct AppState: Sendable {
    var config: AppConfig
    var status: AppStatus
    var work = AppWork()
    var offer: BundleOffer?
    /// The last bundle a reconcile was attempted with, and the last one applied in full.
    var attempted: Digest?
    var applied: Digest?
    /// The bundle last recorded as Ready on the inventory ConfigMap (for dependents on other shards).
    var markedReady: Digest?
    /// The decorated objects of the last reconcile, by identity: what drift is measured against.
    var desired: [ObjectIdentity: JSONValue] = [:]
    var nextResync: ContinuousClock.Instant?
    var retryAt: ContinuousClock.Instant?
    var retryDelay: Duration = AppState.firstRetryDelay

    static let firstRetryDelay: Duration = .milliseconds(500)
    static let maximumRetryDelay: Duration = .seconds(30)

    init(config: AppConfig) {
        self.config = config
        status = AppStatus(app: config.name)
        status.suspended = config.suspend
        if config.suspend { status.phase = .suspended }
    }

    /// Whether `live` (or its absence) departs from what Capstan last applied for it.
    func isDrift(_ identity: ObjectIdentity, live: JSONValue?) -> Bool {
        guard let desired = desired[identity] else { return false }
        guard let live else { return true }
        return !ChangeDetection.isUnchanged(desired: desired, live: live)
    }
}
