import CapstanCore
import Foundation
import Logging
import Renderer
import StageRuntime

extension RenderPipeline {
    /// Renders `name` from its source's newest revision; a result outdated by a newer revision
    /// is dropped and the app renders again.
    func render(_ name: String, slots: WorkSlots) async {
        guard let app = board.apps[name], let revision = board.latest(of: app.source) else { return }
        let logger = self.logger.with(.app, name).with(.revision, revision.revision)
        board.begin(name, revision)
        let started = ContinuousClock.now
        let tree: String
        do {
            tree = try await trees.acquire(revision.artifact)
        } catch {
            await treeFailed(app, revision, error, elapsed: ContinuousClock.now - started, logger: logger)
            return
        }
        guard let (result, warnings) = await slots.withSlot({ await renderOffPool(app, root: tree) }) else {
            await trees.release(revision.artifact)
            return  // cancelled while waiting for a slot: shutting down
        }
        await trees.release(revision.artifact)
        let elapsed = ContinuousClock.now - started
        for warning in warnings { logger.warning("overlay warning: \(Self.plain(warning))") }
        guard board.latest(of: app.source) == revision else {
            logger.info("source moved on while rendering; rendering again with the newer revision")
            queue.enqueue(name)
            return
        }
        switch result {
        case .success(let bundle): await finish(app, revision, bundle, elapsed: elapsed, logger: logger)
        case .failure(let error):
            failed(app, revision, error.description, elapsed: elapsed, final: error.disposition == .waitForFix, logger: logger)
            if error.disposition == .retry { await retryLater(app.name) }
        }
        await trees.prune(keeping: board.latestArtifacts)
    }

    private func renderOffPool(_ app: AppConfig, root: String) async -> (Result<ManifestBundle, RenderError>, [String]) {
        let sink = WarningSink()
        let renderer = Renderer(limits: limits, engines: engines ?? sink.engines)
        let request = RenderRequest(app: app, root: root)
        let result: Result<ManifestBundle, RenderError>
        do {
            result = .success(try await BlockingThread.run(name: "render \(app.name)") { try renderer.render(request) })
        } catch let error as RenderError {
            result = .failure(error)
        } catch {
            result = .failure(RenderError(.engine, at: app.path, "\(error)"))
        }
        return (result, sink.collected)
    }

    /// Stores the bundle and the ledger entry, then publishes when the bundle changed.
    private func finish(_ app: AppConfig, _ revision: SourceRevision, _ bundle: ManifestBundle, elapsed: Duration, logger: Logger) async {
        let wasFailed = board.status(of: app.name)?.error != nil
        // What subscribers were told decides the publish; the store's own index may differ after a crash.
        let announced = board.status(of: app.name)?.bundle
        let previous = store.current(of: app.name)
        let record = RenderRecord(
            app: app.name, source: app.source, revision: revision.revision, artifact: revision.artifact, bundle: bundle.digest,
            objects: bundle.objectCount, durationMs: elapsed.milliseconds, renderedAt: Date(), fingerprint: app.renderFingerprint)
        do {
            try await BlockingThread.run(name: "store \(app.name)") { [store, ledger] in
                if previous != bundle.digest || !FileManager.default.fileExists(atPath: store.path(of: bundle.digest)) {
                    try store.store(bundle, for: app.name)
                }
                try ledger.record(record)
            }
        } catch {
            failed(app, revision, "\(error)", elapsed: elapsed, final: false, logger: logger)
            return
        }
        board.succeeded(record)
        RenderMetrics.rendered(app.name, seconds: elapsed.seconds, objects: bundle.objectCount)
        let changed = announced != bundle.digest
        logger.info(changed ? "rendered" : "rendered, bundle unchanged", metadata: .keyed([
            .bundle: "\(bundle.digest)", .count: "\(bundle.objectCount)", .duration: "\(elapsed.milliseconds)ms",
        ]))
        if changed {
            publish(record)
            RenderMetrics.published(app.name)
        }
        if wasFailed, let status = board.status(of: app.name) { publishStatus(status) }
    }

    private func failed(_ app: AppConfig, _ revision: SourceRevision, _ error: String, elapsed: Duration, final: Bool, logger: Logger) {
        RenderMetrics.failed(app.name, seconds: elapsed.seconds)
        logger.error("render failed; the last good bundle stays current", metadata: .keyed([
            .error: "\(error)", .bundle: "\(board.status(of: app.name)?.bundle.map(\.description) ?? "none")",
            .duration: "\(elapsed.milliseconds)ms",
        ]))
        if let status = board.failed(app.name, revision, error: error, durationMs: elapsed.milliseconds, final: final) {
            publishStatus(status)
        }
    }

    /// The artifact could not be had: an unsafe one fails for good, an unreachable fetcher is retried.
    private func treeFailed(_ app: AppConfig, _ revision: SourceRevision, _ error: any Error, elapsed: Duration, logger: Logger) async {
        let retryable = (error as? TreeError)?.isRetryable ?? true
        failed(app, revision, "\(error)", elapsed: elapsed, final: !retryable, logger: logger)
        if retryable { await retryLater(app.name) }
    }

    /// Asks for `app` again after `retryDelay` (its task waits; no render slot is held meanwhile).
    private func retryLater(_ app: String) async {
        try? await Task.sleep(for: retryDelay)
        if !Task.isCancelled { queue.enqueue(app) }
    }
}

extension RenderPipeline {
    /// kustomize's warning text without the `# Warning: ` it prints on stderr.
    static func plain(_ warning: String) -> String {
        warning.hasPrefix("# Warning: ") ? String(warning.dropFirst("# Warning: ".count)) : warning
    }
}
