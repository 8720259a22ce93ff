import CapstanCore

/// What an app's worker has been asked to do since it last looked, plus what it needs to decide.
struct AppWork: Sendable {
    var triggered = false
    var resync = false
    var retry = false
    /// A SUSPEND (true) or RESUME (false) not yet recorded in the cluster.
    var suspension: Bool?
    /// Objects a watch saw change or vanish.
    var drifted: Set<ObjectIdentity> = []

    /// Filled in by `AppBoard.take`: the latest bundle, the last one attempted, and suspension.
    var offer: BundleOffer?
    var attempted: Digest?
    var suspended = false
}
