import Applier
import CapstanCore

extension AppWorker {
    /// Reads a SUSPEND/RESUME recorded by an earlier applier before doing anything, retrying while
    /// the API is unreachable: applying first could undo a suspension.
    func restoreSuspension() async {
        var delay: Duration = .milliseconds(500)
        while !Task.isCancelled {
            do {
                if let suspended = try await reconciler.loadSuspension(app: app.name) {
                    board.restoreSuspension(app.name, suspended)
                    logger.info("restored suspension from the cluster", metadata: ["suspended": "\(suspended)"])
                }
                return
            } catch {
                logger.warning("cannot read recorded suspension; retrying", metadata: ["error": "\(error)", "retryIn": "\(delay)"])
                try? await Task.sleep(for: delay)
                delay = min(delay * 2, .seconds(30))
            }
        }
    }

    /// Records SUSPEND/RESUME on the inventory ConfigMap so it survives a restart.
    func recordSuspension(_ suspended: Bool) async {
        do {
            try await reconciler.storeSuspension(suspended, app: app.name)
            logger.info(suspended ? "suspended" : "resumed")
        } catch {
            logger.error("cannot record suspension; retrying", metadata: ["error": "\(error)"])
            board.requeueSuspension(app.name, suspended)
            board.scheduleRetry(app.name)
        }
    }
}
