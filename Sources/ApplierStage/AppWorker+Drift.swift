import Applier
import CapstanCore
import StageRuntime

extension AppWorker {
    /// Re-applies the drifted objects; each write counts as one drift correction.
    func heal(_ identities: Set<ObjectIdentity>) async {
        let objects = board.desiredObjects(app.name, identities)
        guard !objects.isEmpty else { return }
        let outcomes = await reconciler.heal(objects, app: app.name)
        var logger = self.logger
        if let status = board.status(of: app.name) {
            logger[.revision] = status.revision.map { .string($0) }
            logger[.bundle] = status.bundle.map { .string($0) }
        }
        let corrected = outcomes.filter { $0.action == .created || $0.action == .configured }
        for outcome in corrected {
            logger.info("drift reverted", metadata: ["object": "\(outcome.object)", "outcome": "\(outcome.action.rawValue)"])
        }
        let failed = outcomes.filter { $0.action == .failed }
        for outcome in failed {
            logger.error("cannot revert drift", metadata: ["object": "\(outcome.object)", "error": "\(outcome.message)"])
        }
        if !failed.isEmpty {
            board.requeueDrift(app.name, Set(failed.map(\.object.identity)))
            board.scheduleRetry(app.name)
        }
        guard !corrected.isEmpty else { return }
        ApplierMetrics.driftCorrected(app: app.name, count: corrected.count)
        board.update(app.name) { $0.driftCorrections += corrected.count }
    }

    /// Suspended: finds what drifted and reports it, changing nothing. After a restart nothing was
    /// applied by this process, so drift is measured against the newest bundle (what RESUME applies).
    func reportDrift(offer: BundleOffer?, cache: inout BundleCache) async {
        var objects = board.desiredObjects(app.name)
        do {
            if objects.isEmpty, let offer, let bundle = await fetch(offer, cache: &cache, logger: logger(for: offer)) {
                objects = try await reconciler.prepare(
                    DesiredBundle(objects: bundle, revision: offer.revision, digest: offer.digest.description), app: app)
                board.recordDesired(app.name, objects)
                drift.watch(kindsOf: objects)
            }
            let drifted = try await reconciler.drifted(objects).map(\.description)
            let previous = Set(board.status(of: app.name)?.drifted ?? [])
            let fresh = drifted.filter { !previous.contains($0) }
            for object in fresh { logger.warning("drift detected while suspended; not reverted", metadata: ["object": "\(object)"]) }
            if !fresh.isEmpty { ApplierMetrics.driftDetected(app: app.name, count: fresh.count) }
            board.update(app.name) { status in
                status.phase = .suspended
                status.drifted = drifted
            }
        } catch {
            logger.warning("cannot check drift while suspended", metadata: ["error": "\(error)"])
            board.scheduleRetry(app.name)
        }
    }
}
