import CapstanCore
import Foundation
import Messaging

extension ReconcileSession {
    /// What the wait loop reacts to.
    enum Signal: Sendable {
        case entry(stage: String, JSONValue, graceOver: Bool)
        case tick
        case timeout
    }

    /// `status.<app>` events, a STATUS poll every second (for what an event cannot say: a
    /// reconcile that changed nothing), a spinner tick, and the deadline, until an outcome.
    func follow(_ subscriber: EventSubscriber, tracker: inout ReconcileTracker) async -> Int32 {
        let (signals, sink) = AsyncStream.makeStream(of: Signal.self)
        let grace = ContinuousClock.now + .seconds(3)
        return await withTaskGroup(of: Void.self) { group in
            group.addTask { [app = app.name] in
                for await event in subscriber.events where event.topic == "status.\(app)" {
                    // Without `stage` the event's fields are the STATUS entry, comparable with the baseline.
                    var entry = event.fields
                    let stage = entry.removeValue(forKey: "stage")?.stringValue ?? "applier"
                    sink.yield(.entry(stage: stage, .object(entry), graceOver: false))
                }
            }
            group.addTask { await poll(sink, grace: grace) }
            group.addTask { [deadline] in
                try? await Task.sleep(until: deadline)
                sink.yield(.timeout)
            }
            if progress.animates {
                group.addTask {
                    while !Task.isCancelled {
                        try? await Task.sleep(for: .milliseconds(100))
                        sink.yield(.tick)
                    }
                }
            }
            let status = await decide(signals, tracker: &tracker)
            group.cancelAll()
            sink.finish()
            return status
        }
    }

    func poll(_ sink: AsyncStream<Signal>.Continuation, grace: ContinuousClock.Instant) async {
        while !Task.isCancelled {
            try? await Task.sleep(for: .seconds(1))
            for (stage, entry) in await appEntries() {
                sink.yield(.entry(stage: stage, entry, graceOver: ContinuousClock.now >= grace))
            }
        }
    }

    func decide(_ signals: AsyncStream<Signal>, tracker: inout ReconcileTracker) async -> Int32 {
        for await signal in signals {
            switch signal {
            case .tick: progress.tick()
            case .timeout:
                progress.finish("\(app.name): timed out waiting for Ready or Failed")
                return 2
            case .entry(let stage, let entry, let graceOver):
                switch tracker.observe(stage: stage, entry: entry, graceOver: graceOver) {
                case .waiting(let text): progress.update("\(app.name): \(text)")
                case .ready(let text):
                    progress.finish("\(app.name): \(text)")
                    return 0
                case .failed(let text):
                    progress.finish("\(app.name): \(text)")
                    return 1
                }
            }
        }
        return 2
    }
}
