import Applier
import CapstanCore
import Logging

extension AppWorker {
    /// GET → reconcile → record: the app's status follows each step.
    func reconcile(_ offer: BundleOffer, cache: inout BundleCache) async {
        let logger = logger(for: offer)
        let before = board.status(of: app.name)
        board.update(app.name) { status in
            status.phase = .progressing
            status.revision = offer.revision
            status.bundle = offer.digest.description
        }
        let started = ContinuousClock.now
        guard let objects = await fetch(offer, cache: &cache, logger: logger) else { return }
        var reconciler = self.reconciler
        reconciler.isSuperseded = { [board, app] in board.latestOffer(of: app.name)?.digest != offer.digest }
        let result = await reconciler.reconcile(DesiredBundle(objects: objects, revision: offer.revision, digest: offer.digest.description), app: app)
        let duration = ContinuousClock.now - started
        // Drift is measured against what the cluster accepted: a rejected object is no drift.
        let failed = Set(result.outcomes.filter { $0.action == .failed }.map(\.object.identity))
        let accepted = result.desired.filter { ObjectIdentity(of: $0).map { !failed.contains($0) } ?? false }
        if !accepted.isEmpty {
            board.recordDesired(app.name, accepted)
            drift.watch(kindsOf: accepted)
        }
        record(result, offer: offer, duration: duration, before: before, logger: logger)
        if result.succeeded, hasDependents { await markReady(offer, logger: logger) }
    }

    func fetch(_ offer: BundleOffer, cache: inout BundleCache, logger: Logger) async -> [JSONValue]? {
        do {
            if cache.digest != offer.digest {
                cache.bytes = try await bundles.bytes(of: offer)
                cache.digest = offer.digest
            }
            return try BundleFetcher.objects(cache.bytes, digest: offer.digest)
        } catch {
            let delay = board.scheduleRetry(app.name)
            logger.error("cannot fetch bundle; retrying", metadata: ["error": "\(error)", "retryIn": "\(delay)"])
            board.update(app.name) { status in
                status.phase = status.suspended ? .suspended : .failed
                status.error = "\(error)"
            }
            return nil
        }
    }

    /// Turns a reconcile's result into the app's status, schedule, metrics and log lines.
    func record(_ result: ReconcileResult, offer: BundleOffer, duration: Duration, before: AppStatus?, logger: Logger) {
        let failure = result.failure
        let milliseconds = Int(duration / .milliseconds(1))
        ApplierMetrics.reconciled(app: app.name, result: Self.label(failure), duration: duration, outcomes: result.outcomes)
        log(result.outcomes, logger: logger)
        if failure == .superseded {
            logger.info("superseded by a newer bundle", metadata: ["duration": "\(milliseconds)ms"])
            // Part of this bundle may be in the cluster: whatever comes next (even the bundle applied
            // before this one) must be reconciled in full.
            board.forgetAttempts(app.name)
            board.doorbell(app.name)?.ring()
            return
        }
        board.recordAttempt(app.name, digest: offer.digest, applied: failure == nil || failure.map(Self.isHealthOnly) == true)
        board.scheduleResync(app.name)
        if case .unreachable(let message)? = failure {
            keepLastStatus(before, failure: failure, message: message, logger: logger)
            return
        }
        board.resetRetry(app.name)
        board.update(app.name) { status in status.apply(result, objects: result.desired.count, milliseconds: milliseconds) }
        if let failure {
            logger.error("reconcile failed", metadata: ["error": "\(failure)", "duration": "\(milliseconds)ms"])
        } else {
            logger.info("reconciled", metadata: ["objects": "\(result.desired.count)", "duration": "\(milliseconds)ms"])
        }
    }

    /// One line per object that changed or failed.
    func log(_ outcomes: [ObjectOutcome], logger: Logger) {
        for outcome in outcomes where outcome.action != .unchanged {
            var metadata: Logger.Metadata = ["object": "\(outcome.object)"]
            if !outcome.message.isEmpty { metadata["error"] = "\(outcome.message)" }
            logger.log(level: outcome.action == .failed ? .warning : .info, "\(outcome.action.rawValue)", metadata: metadata)
        }
    }

    /// API unreachable: nothing was pruned; the last status stays, with the error, and a retry is scheduled.
    func keepLastStatus(_ before: AppStatus?, failure: ReconcileFailure?, message: String, logger: Logger) {
        let delay = board.scheduleRetry(app.name)
        logger.error("API unreachable; nothing pruned, retrying", metadata: ["error": "\(message)", "retryIn": "\(delay)"])
        board.update(app.name) { status in
            let suspended = status.suspended
            status = before ?? status
            status.error = failure?.description
            status.suspended = suspended
            if suspended { status.phase = .suspended }
        }
    }

    static func isHealthOnly(_ failure: ReconcileFailure) -> Bool {
        switch failure {
        case .healthTimeout, .unhealthy: true
        default: false
        }
    }

    static func label(_ failure: ReconcileFailure?) -> String {
        switch failure {
        case nil: "ready"
        case .superseded?: "superseded"
        case .unreachable?: "unreachable"
        default: "failed"
        }
    }
}
