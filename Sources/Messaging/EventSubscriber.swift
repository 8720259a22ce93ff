import ServiceLifecycle
import ZeroMQ

/// A downstream stage's incoming side (the Clone pattern's client): connects to every upstream,
/// resynchronises from SNAPSHOT on a new epoch, a seq gap or silence, and delivers each key's
/// changes once, as an `AsyncStream`.
public final class EventSubscriber: Service, Sendable {
    /// Events in arrival order, de-duplicated by key and digest; ends when the subscriber stops.
    /// Iterate it from one task only; cancelling that iteration ends the stream.
    public let events: EventStream
    private let loop: SocketLoop<SubscriberCore>
    private let counters: Locked<SubscriberStatistics>

    private init(events: EventStream, loop: SocketLoop<SubscriberCore>, counters: Locked<SubscriberStatistics>) {
        self.events = events
        self.loop = loop
        self.counters = counters
    }

    /// Connects to every upstream on the subscriber's own thread and asks each for a snapshot.
    public static func start(transport: Transport, settings: SubscriberSettings) async throws -> EventSubscriber {
        // Bounded in batches; a batch holds at most one poll's worth of events.
        let (batches, output) = AsyncStream.makeStream(of: [Event].self, bufferingPolicy: .bufferingNewest(max(1, settings.bufferSize / 64)))
        let counters = Locked(SubscriberStatistics())
        let loop = try await SocketLoop.start(context: transport.context, name: "subscriber") {
            try SubscriberCore(transport: transport, settings: settings, output: output, statistics: counters)
        }
        return EventSubscriber(events: EventStream(batches: batches), loop: loop, counters: counters)
    }

    /// Counters so far.
    public var statistics: SubscriberStatistics { counters.withLock { $0 } }

    /// Runs until graceful shutdown or cancellation, then closes the sockets and ends `events`.
    public func run() async throws {
        try? await gracefulShutdown()
        await stop()
    }

    public func stop() async {
        await loop.stop()
    }
}
