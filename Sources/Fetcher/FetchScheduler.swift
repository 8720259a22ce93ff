import CapstanCore
import Foundation
import Git
import Logging

/// The daemon's loop: every source polled on its interval (±10 % jitter) and at once on a trigger,
/// at most `concurrency` at a time, backing off on failure, announcing only changed revisions.
public final class FetchScheduler: Sendable {
    public let board: SourceBoard
    let sources: [SourceSpec]
    let sync: SourceSync
    let concurrency: Int
    let announcer: any RevisionAnnouncer
    let logger: Logger
    /// First retry delay after a failure, doubled per failure and capped at the source's interval.
    let initialBackoff: Double
    /// Seconds past a fetch's own timeouts after which a fetch stuck inside libgit2 is abandoned.
    let overrunGrace: Double
    /// Keeps a fetch that was abandoned and the next fetch of the same source from running together.
    let gate = SourceGate()

    public init(sources: [SourceSpec], dataDirectory: String, concurrency: Int = 4, announcer: any RevisionAnnouncer,
                logger: Logger, initialBackoff: Double = 5, overrunGrace: Double = 30) {
        self.overrunGrace = overrunGrace
        self.sources = sources
        sync = SourceSync(dataDirectory: dataDirectory)
        board = SourceBoard(names: sources.map(\.name))
        self.concurrency = concurrency
        self.announcer = announcer
        self.logger = logger
        self.initialBackoff = initialBackoff
    }

    /// Re-announces what the data directory already holds, then polls until cancelled.
    public func run() async {
        await restore()
        let permits = Permits(concurrency)
        await withTaskGroup(of: Void.self) { group in
            for spec in sources {
                group.addTask { await self.loop(spec, permits: permits) }
            }
        }
    }

    /// Announces each source's saved revision whose artifact is still on disk, without fetching.
    func restore() async {
        sync.store.removeTemporaryFiles()
        for spec in sources {
            let state = SourceState.load(dataDirectory: sync.dataDirectory, source: spec.name)
            guard let current = state.current, sync.store.contains(current.digest) else { continue }
            board.setRevision(current)
            board.update(spec.name) { $0.ready = true; $0.revision = current.revision.description; $0.digest = current.digest.description }
            await announcer.announce(current)
        }
    }

    private func loop(_ spec: SourceSpec, permits: Permits) async {
        var worker = GitWorker(name: "git-\(spec.name)")
        let wakeup = board.wakeup(spec.name)
        var delay = 0.0
        while !Task.isCancelled {
            if delay > 0 { await wakeup.wait(upTo: delay) }
            guard !Task.isCancelled else { return }
            await permits.acquire()
            let (wait, abandoned) = await fetch(spec, worker: worker)
            delay = wait
            await permits.release()
            // The old thread stays blocked until libgit2 returns; the source carries on with a fresh one.
            if abandoned { worker = GitWorker(name: "git-\(spec.name)") }
            let next = Date().addingTimeInterval(delay)
            board.update(spec.name) { $0.nextFetch = next }
        }
    }

    /// One fetch of `spec`; returns the seconds until the next one and whether the worker was abandoned.
    func fetch(_ spec: SourceSpec, worker: GitWorker) async -> (delay: Double, abandoned: Bool) {
        let started = Date()
        let sync = self.sync
        do {
            // State files are read and written on the source's thread too: no file I/O on the cooperative pool.
            // The new state is saved in the same job as the sync, so nothing is announced before it is persisted,
            // and the artifact stays pinned against another source's garbage collection until it is.
            let limit = spec.connectTimeout + spec.transferTimeout + overrunGrace
            let names = sources.map(\.name)
            let gate = self.gate
            let outcome = try await worker.perform(timeout: limit) {
                try gate.exclusively(spec.name) { try FetchScheduler.syncAndSave(spec, sync: sync, sources: names) }
            }
            await record(outcome, spec: spec, started: started)
            return (FetchScheduler.jittered(spec.interval), false)
        } catch {
            let abandoned = (error as? GitError)?.kind == .timeout
            let failure = error as? FetchError ?? FetchError("source \(spec.name): \(RemoteURL.redact("\(error)"))", action: .retry)
            var failures = 0
            board.update(spec.name) { status in
                status.failures += 1
                status.lastError = failure.message
                status.lastFetch = started
                failures = status.failures
            }
            logger.error("fetch failed", metadata: ["source": "\(spec.name)", "error": "\(failure.message)", "failures": "\(failures)"])
            FetchMetrics.failed(spec.name)
            return (failure.action == .retry ? backoff(failures: failures, interval: spec.interval) : spec.interval, abandoned)
        }
    }

    /// Blocking: loads the previous state, syncs, saves the new state and collects garbage. Run it on the worker.
    static func syncAndSave(_ spec: SourceSpec, sync: SourceSync, sources: [String]) throws -> SourceSync.Outcome {
        let previous = SourceState.load(dataDirectory: sync.dataDirectory, source: spec.name)
        let outcome = try sync.sync(spec, previous: previous)
        defer { if outcome.packed { sync.store.unpin(outcome.revision.digest) } }
        var state = previous
        state.record(outcome.revision, keep: spec.keep)
        state.ignoreKey = SourceSync.ignoreKey(spec.ignore)
        try state.save(dataDirectory: sync.dataDirectory, source: spec.name)
        collectGarbage(store: sync.store, dataDirectory: sync.dataDirectory, sources: sources)
        return outcome
    }

    private func record(_ outcome: SourceSync.Outcome, spec: SourceSpec, started: Date) async {
        let revision = outcome.revision
        // Compared with what this process last announced, not with the saved state: a job abandoned after
        // saving must not leave its revision unannounced.
        let announced = board.revision(of: spec.name)
        board.setRevision(revision)
        board.update(spec.name) { status in
            status.ready = true
            status.failures = 0
            status.lastError = nil
            status.lastFetch = started
            status.revision = revision.revision.description
            status.digest = revision.digest.description
        }
        let duration = Date().timeIntervalSince(started)
        FetchMetrics.fetched(spec.name, duration: duration, bytes: outcome.fetch.receivedBytes, artifactSize: revision.size)
        logger.info("fetched", metadata: ["source": "\(spec.name)", "revision": "\(revision.revision)", "digest": "\(revision.digest)",
                                          "duration": "\(String(format: "%.3f", duration))s", "bytes": "\(outcome.fetch.receivedBytes)"])
        if announced?.revision != revision.revision || announced?.digest != revision.digest {
            await announcer.announce(revision)
        }
    }

    /// Deletes artifacts no source keeps any more; a current artifact is always in its source's history.
    /// Artifacts committed by a sync whose state is not saved yet are pinned and kept too.
    static func collectGarbage(store: ArtifactStore, dataDirectory: String, sources: [String]) {
        store.inFlight.whileFrozen { pinned in
            let keep = Set(sources.flatMap { SourceState.load(dataDirectory: dataDirectory, source: $0).history })
            store.collectGarbage(keeping: keep.union(pinned))
        }
    }

    func backoff(failures: Int, interval: Double) -> Double {
        min(interval, min(initialBackoff, interval) * pow(2, Double(max(0, failures - 1))))
    }

    static func jittered(_ interval: Double) -> Double {
        interval * Double.random(in: 0.9...1.1)
    }
}
