import CapstanCore
import Foundation
import Logging
import Messaging
import Renderer
import StageRuntime

/// The stage's work: revision events in, one render per app out, `concurrency` renders at a time.
/// Each app's render is verify → unpack → render → store → record → publish.
struct RenderPipeline: Sendable {
    let board: AppBoard
    let queue: RenderQueue
    let trees: ArtifactTrees
    let store: BundleStore
    let ledger: RenderLedger
    let publisher: EventPublisher
    let limits: RenderLimits
    /// Nil for the standard engines, whose overlay warnings are logged.
    let engines: RenderEngines?
    let logger: Logger
    /// How long a render waits before trying again after the artifact could not be fetched.
    var retryDelay: Duration = .seconds(2)

    /// Consumes `events` until they end (shutdown). Each app taken from the queue gets a task of
    /// its own, which waits for its artifact without a slot and renders in one of `concurrency`
    /// slots: an app whose fetcher is slow or down (or that waits to retry) holds back no other app.
    func run(events: EventStream, concurrency: Int) async {
        let slots = WorkSlots(concurrency)
        await withDiscardingTaskGroup { group in
            group.addTask {
                for await event in events { accept(event) }
                queue.close()
            }
            while let app = await queue.next() {
                group.addTask {
                    await render(app, slots: slots)
                    queue.finished(app)
                }
            }
        }
    }

    /// A revision event: every owned app of its source that has not rendered this artifact renders.
    func accept(_ event: Event) {
        guard let revision = SourceRevision(event) else {
            logger.warning("ignoring a malformed revision event", metadata: .keyed([.topic: "\(event.topic)"]))
            return
        }
        let apps = board.observe(revision)
        logger.info("revision", metadata: .keyed([.source: "\(revision.source)", .revision: "\(revision.revision)",
                                                   .digest: "\(revision.artifact)", .count: "\(apps.count)"]))
        for app in apps { queue.enqueue(app) }
    }

    /// Announces every app's current bundle, so SNAPSHOT serves them before anything renders.
    func announceCurrent() {
        var restored = 0
        for record in ledger.all.values.sorted(by: { $0.app < $1.app }) where board.status(of: record.app)?.bundle == record.bundle {
            publish(record)
            restored += 1
        }
        logger.info("serving stored bundles", metadata: .keyed([.count: "\(restored)"]))
    }

    func publish(_ record: RenderRecord) {
        publisher.publish(Event(topic: "bundle.\(record.app)", fields: record.event.objectValue ?? [:]))
    }

    func publishStatus(_ status: AppStatus) {
        var fields = status.json.objectValue ?? [:]
        fields["stage"] = "renderer"
        publisher.publish(Event(topic: "status.\(status.app)", fields: fields))
    }
}
