import CapstanCore
import NIOConcurrencyHelpers

/// Turns store events into the lines of one client's watch: filtered, with bookmarks, closed on timeout.
struct WatchStream: Sendable {
    let events: AsyncStream<WatchEvent>
    let cancel: @Sendable () -> Void
    let filter: ObjectFilter
    let type: ResourceType
    let timeout: Duration
    let bookmarks: Bool
    let store: ObjectStore
    /// Where the watch started: bookmarks never claim more than what was delivered since.
    let start: Int64
    /// Set when the client watches Tables: each event then carries a one-row Table.
    let table: TableWriter?

    func lines() -> AsyncStream<String> {
        let (output, continuation) = AsyncStream<String>.makeStream(bufferingPolicy: .unbounded)
        let delivered = NIOLockedValueBox(start)
        let pump = Task { [self] in
            var sentHeaders = false
            for await event in events {
                delivered.withLockedValue { $0 = max($0, event.resourceVersion) }
                guard var event = filter.translate(event) else { continue }
                event.object["apiVersion"] = .string(type.groupVersion)
                event.object["kind"] = .string(type.kind)
                if let table {
                    event.object = table.table([event.object], metadata: [:], headers: !sentHeaders)
                    sentHeaders = true
                }
                continuation.yield(event.line)
            }
            continuation.finish()
        }
        let timer = Task { [self] in
            let deadline = ContinuousClock.now + timeout
            while ContinuousClock.now < deadline {
                try? await Task.sleep(for: min(.seconds(5), deadline - ContinuousClock.now))
                if Task.isCancelled { return }
                if bookmarks, ContinuousClock.now < deadline {
                    continuation.yield(bookmark(delivered.withLockedValue { $0 }))
                }
            }
            cancel()
        }
        continuation.onTermination = { _ in
            pump.cancel()
            timer.cancel()
            cancel()
        }
        return output
    }

    private func bookmark(_ resourceVersion: Int64) -> String {
        let object: JSONValue = ["kind": .string(type.kind), "apiVersion": .string(type.groupVersion),
                                 "metadata": ["resourceVersion": .string(String(resourceVersion))]]
        return WatchEvent(kind: .bookmark, storageKey: type.storageKey, namespace: "", object: object, resourceVersion: 0).line
    }
}
