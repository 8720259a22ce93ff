import Applier
import CapstanCore
import Logging
import StageRuntime

/// One app's loop: wakes on a new bundle, TRIGGER, SUSPEND/RESUME, drift, resync or retry, and
/// decides what to do: record suspension → (suspended: report drift) → wait for dependencies →
/// reconcile a new bundle, or heal drifted objects.
struct AppWorker: Sendable {
    let app: AppConfig
    let board: AppBoard
    let reconciler: Reconciler
    let bundles: BundleFetcher
    let drift: DriftWatcher
    let slots: WorkSlots
    /// Whether some app depends on this one: then its Ready bundle is recorded for other shards.
    let hasDependents: Bool
    let logger: Logger

    func run() async {
        guard let doorbell = board.doorbell(app.name) else { return }
        await restoreSuspension()
        var cache = BundleCache()
        while !Task.isCancelled {
            await doorbell.wait()
            guard !Task.isCancelled else { return }
            await step(board.take(app.name), cache: &cache)
        }
    }

    func step(_ work: AppWork, cache: inout BundleCache) async {
        if let suspended = work.suspension { await recordSuspension(suspended) }
        if work.suspended {
            await reportDrift(offer: work.offer, cache: &cache)
            return
        }
        guard let offer = work.offer else { return }
        guard offer.digest != work.attempted || work.triggered || work.resync || work.retry else {
            if !work.drifted.isEmpty { await heal(work.drifted) }
            return
        }
        if let blocker = await dependencyBlocker() {
            board.update(app.name) { status in
                status.phase = .pending
                status.error = blocker
            }
            // The reconcile is owed once the dependencies are Ready (their status changes ring this app).
            board.deferReconcile(app.name)
            // What was applied before stays healed while the next reconcile waits.
            if !work.drifted.isEmpty { await heal(work.drifted) }
            return
        }
        var slotCache = cache
        let reconciled = await slots.withSlot {
            await reconcile(offer, cache: &slotCache)
            return slotCache
        }
        if let reconciled { cache = reconciled }
    }

    /// A logger for lines about `offer`: app=, revision=, bundle=.
    func logger(for offer: BundleOffer) -> Logger {
        logger.with(.revision, offer.revision).with(.bundle, offer.digest)
    }
}

/// The bytes of the bundle last fetched, so a resync or trigger does not GET it again (bytes, not
/// decoded objects: a fraction of the memory on large bundles).
struct BundleCache {
    var digest: Digest?
    var bytes: [UInt8] = []
}
