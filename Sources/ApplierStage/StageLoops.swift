import Applier
import CapstanCore
import Kube
import Logging
import Messaging
import StageRuntime

/// The applier's long-running loops, in one task group: the bundle feed, the drift watches, the
/// resync/retry ticker and one worker per app.
struct StageLoops: Sendable {
    let board: AppBoard
    let kube: KubeClient
    let subscriber: EventSubscriber
    let bundles: BundleFetcher
    let config: CapstanConfig
    let logger: Logger

    func run() async {
        let drift = DriftWatcher(kube: kube, board: board, logger: logger)
        // Drift heals take no slot: they are single objects and must be quick.
        let slots = WorkSlots(config.stages.applier.concurrency)
        await withDiscardingTaskGroup { group in
            group.addTask { await feed() }
            group.addTask { await drift.run() }
            group.addTask { await tick() }
            for name in board.names {
                guard let app = config.app(named: name) else { continue }
                let worker = AppWorker(app: app, board: board, reconciler: reconciler(for: app), bundles: bundles, drift: drift,
                                       slots: slots, hasDependents: config.apps.contains { $0.dependsOn.contains(name) },
                                       logger: logger.with(.app, name))
                group.addTask { await worker.run() }
            }
        }
    }

    /// Hands every `bundle.<app>` announcement to the board.
    func feed() async {
        for await event in subscriber.events {
            guard let offer = BundleOffer(event: event) else { continue }
            if board.offer(offer) {
                logger.info("bundle announced", metadata: .keyed([.app: "\(offer.app)", .revision: "\(offer.revision)", .bundle: "\(offer.digest)"]))
            }
        }
    }

    /// Rings apps whose resync or retry is due.
    func tick() async {
        while !Task.isCancelled {
            try? await Task.sleep(for: .milliseconds(100))
            board.ringDue()
        }
    }

    /// A reconciler acting as the app's service account when it names one.
    func reconciler(for app: AppConfig) -> Reconciler {
        let client = kube.impersonating(app.serviceAccount.flatMap(Impersonation.init(serviceAccount:)))
        var reconciler = Reconciler(client: KubeClusterClient(kube: client))
        reconciler.inventoryNamespace = config.stages.applier.inventoryNamespace
        reconciler.pollInterval = .milliseconds(100)
        // The Kube client already retries each request with backoff; past that, the app's worker
        // backs off and retries the whole reconcile, keeping the last status meanwhile.
        reconciler.retry = RetryPolicy(attempts: 1)
        return reconciler
    }
}
