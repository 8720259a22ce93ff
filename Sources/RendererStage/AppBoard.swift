import CapstanCore
import Foundation
import Synchronization

/// What the renderer knows right now: every owned app's status, the newest revision per source,
/// what each app last rendered, and how many renders ran. Quick to read from the request thread.
final class AppBoard: Sendable {
    private struct State {
        var statuses: [String: AppStatus]
        var latest: [String: SourceRevision] = [:]
        var attempts: [String: RenderAttempt] = [:]
        var renders = 0
    }

    /// The apps this shard owns, by name.
    let apps: [String: AppConfig]
    private let state: Mutex<State>

    /// Starts from the ledger: an app whose last good render used its current settings counts as
    /// rendered at that artifact, so the same revision arriving again renders nothing.
    init(apps: [AppConfig], records: [String: RenderRecord]) {
        self.apps = Dictionary(apps.map { ($0.name, $0) }) { first, _ in first }
        var state = State(statuses: [:])
        for app in apps {
            guard let record = records[app.name], record.source == app.source else {
                state.statuses[app.name] = AppStatus(app: app.name, source: app.source)
                continue
            }
            state.statuses[app.name] = AppStatus(record: record)
            if record.fingerprint == app.renderFingerprint { state.attempts[app.name] = record.attempt }
        }
        self.state = Mutex(state)
    }

    /// Records `revision` as its source's newest; returns the owned apps that must render it.
    func observe(_ revision: SourceRevision) -> [String] {
        state.withLock { state in
            state.latest[revision.source] = revision
            return apps.values.filter { app in
                app.source == revision.source
                    && state.attempts[app.name] != RenderAttempt(artifact: revision.artifact, fingerprint: app.renderFingerprint)
            }.map(\.name).sorted()
        }
    }

    func latest(of source: String) -> SourceRevision? { state.withLock { $0.latest[source] } }

    /// The newest artifact of every source, the trees worth keeping.
    var latestArtifacts: Set<Digest> { state.withLock { Set($0.latest.values.map(\.artifact)) } }

    func status(of app: String) -> AppStatus? { state.withLock { $0.statuses[app] } }

    /// Marks `app` as rendering `revision` and counts the render.
    func begin(_ app: String, _ revision: SourceRevision) {
        state.withLock { state in
            state.renders += 1
            state.statuses[app]?.phase = .rendering
        }
    }

    /// A render finished and its bundle is current.
    func succeeded(_ record: RenderRecord) {
        state.withLock { state in
            state.statuses[record.app] = AppStatus(record: record)
            state.attempts[record.app] = record.attempt
        }
    }

    /// A render failed: the error and the attempted revision are shown, the last good bundle stays.
    /// `final` marks failures that rendering the same input again would repeat.
    @discardableResult
    func failed(_ app: String, _ revision: SourceRevision, error: String, durationMs: Int, final: Bool) -> AppStatus? {
        state.withLock { state in
            guard var status = state.statuses[app] else { return nil }
            status.phase = .failed
            status.revision = revision.revision
            status.artifact = revision.artifact
            status.error = error
            status.renderedAt = Date()
            status.durationMs = durationMs
            state.statuses[app] = status
            if final, let config = apps[app] {
                state.attempts[app] = RenderAttempt(artifact: revision.artifact, fingerprint: config.renderFingerprint)
            }
            return status
        }
    }

    /// The STATUS reply: `{"stage":"renderer","shard":"i/n","renders":n,"apps":[…]}`.
    func json(shard: Shard) -> JSONValue {
        state.withLock { state in
            .object([
                "stage": "renderer", "shard": .string(shard.description), "renders": .int(Int64(state.renders)),
                "apps": .array(state.statuses.keys.sorted().compactMap { state.statuses[$0]?.json }),
            ])
        }
    }
}
