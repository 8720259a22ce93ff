import Applier
import CapstanCore
import Logging

extension AppWorker {
    /// Why the app must wait: a dependency not Ready at its current bundle. Dependencies this shard
    /// owns are read from the board (their status changes wake this app); those other shards own are
    /// read from their inventory ConfigMap's ready-bundle annotation, re-checked every second.
    func dependencyBlocker() async -> String? {
        var waiting = board.localDependenciesWaiting(app.name)
        let foreign = board.foreignDependencies(app.name)
        for (name, bundle) in foreign {
            guard let bundle else {
                waiting.append("\(name) (no bundle announced yet)")
                continue
            }
            let ready = try? await reconciler.loadReadyBundle(app: name)
            if ready != bundle.description { waiting.append("\(name) (not Ready at its current bundle yet)") }
        }
        guard !waiting.isEmpty else { return nil }
        if !foreign.isEmpty { board.scheduleRecheck(app.name) }
        return "waiting for dependencies: " + waiting.joined(separator: ", ")
    }

    /// Records that this app is Ready at `offer`'s bundle, for dependents on other shards; once per bundle.
    func markReady(_ offer: BundleOffer, logger: Logger) async {
        guard !board.markedReady(app.name, offer.digest) else { return }
        do {
            try await reconciler.storeReadyBundle(offer.digest.description, app: app.name)
            _ = board.markedReady(app.name, offer.digest, set: true)
        } catch {
            logger.warning("cannot record readiness for dependents; retried at the next resync", metadata: ["error": "\(error)"])
        }
    }
}
