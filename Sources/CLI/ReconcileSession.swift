import CapstanCore
import Foundation
import Messaging

/// One `capstan reconcile`: trigger the fetcher and wait for its fetch, trigger the renderer and
/// the applier, then follow the app's status to an outcome. Returns the exit status.
struct ReconcileSession {
    let app: AppConfig
    let clients: StageClients
    let deadline: ContinuousClock.Instant
    let progress: ProgressLine

    func run() async throws -> Int32 {
        let subscriber = try await EventSubscriber.start(transport: clients.transport, settings: SubscriberSettings(
            upstreams: clients.endpoints.renderer + clients.endpoints.applier, topics: ["status.\(app.name)"]))
        let status: Int32
        do {
            status = try await trackTriggered(subscriber)
        } catch {
            await subscriber.stop()
            throw error
        }
        await subscriber.stop()
        return status
    }

    func trackTriggered(_ subscriber: EventSubscriber) async throws -> Int32 {
        let baseline = await appEntries()
        guard let target = try await fetchNewest() else { return Console.unreachable }
        if let status = await triggerDownstream() { return status }
        var tracker = ReconcileTracker(target: target.revision, baseline: baseline)
        if let warning = target.warning { progress.finish("warning: \(warning)") }
        return await follow(subscriber, tracker: &tracker)
    }

    /// The app's current entries, per stage name, from every renderer and applier.
    func appEntries() async -> [String: JSONValue] {
        var entries: [String: JSONValue] = [:]
        for stage in [StageName.renderer, .applier] {
            let statuses = await clients.statuses(stage).compactMap(\.value)
            entries[stage.rawValue] = StatusMerger.entries(statuses)[app.name]
        }
        return entries
    }

    /// Triggers the source and waits until a fetch started after the trigger has finished; nil
    /// when no fetcher can be reached, an error when they all refuse.
    func fetchNewest() async throws -> (revision: String?, warning: String?)? {
        let before = await sourceEntry()
        progress.update("fetching \(app.source)")
        let replies = await clients.askOwner(.fetcher, of: app.source) { [source = app.source] client throws(RequestError) in try await client.trigger(source) }
        guard replies.contains(where: { $0.value != nil }) else {
            Console.reportFailures(replies)
            if replies.contains(where: \.timedOut) { return nil }
            throw CLIError("no fetcher would fetch \(app.source)")
        }
        let earlier = TimeValue.date(before?["lastFetch"])
        while ContinuousClock.now < deadline {
            let entry = await sourceEntry()
            if let fetched = TimeValue.date(entry?["lastFetch"]), earlier.map({ fetched > $0 }) ?? true {
                let revision = entry?["revision"]?.stringValue
                let warning = entry?["lastError"]?.stringValue.map { "fetch of \(app.source) failed: \($0); following \(ShortNames.revision(revision))" }
                return (revision, warning)
            }
            try await Task.sleep(for: .milliseconds(100))
        }
        return (before?["revision"]?.stringValue, "the fetch of \(app.source) did not finish in time")
    }

    func sourceEntry() async -> JSONValue? {
        RevisionsTable.entries(await clients.statuses(.fetcher).compactMap(\.value))[app.source]
    }

    /// TRIGGER on the renderer and applier shards owning the app; the exit status when no applier
    /// takes it (3 when none answered, 1 when they refused), nil to carry on.
    func triggerDownstream() async -> Int32? {
        async let rendered = clients.askOwner(.renderer, of: app.name) { [name = app.name] client throws(RequestError) in try await client.trigger(name) }
        async let applied = clients.askOwner(.applier, of: app.name) { [name = app.name] client throws(RequestError) in try await client.trigger(name) }
        let renderer = await rendered, applier = await applied
        for replies in [renderer, applier] where !replies.contains(where: { $0.value != nil }) {
            Console.reportFailures(replies)
        }
        guard !applier.contains(where: { $0.value != nil }) else { return nil }
        return applier.contains(where: \.timedOut) ? Console.unreachable : 1
    }
}
