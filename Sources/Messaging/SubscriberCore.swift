import Logging
import ZeroMQ

/// The thread-bound side of `EventSubscriber`: the Clone pattern's client over every upstream,
/// delivering each key's changes once.
final class SubscriberCore: LoopHandler {
    let links: [UpstreamLink]
    let settings: SubscriberSettings
    let limits: MessageLimits
    let logger: Logger
    let output: AsyncStream<[Event]>.Continuation
    let statistics: Locked<SubscriberStatistics>
    /// The identity last delivered per key, so snapshots and restarts do not repeat events.
    var delivered: [String: String] = [:]
    /// Events accepted during this wake-up, handed over together by `flush()`.
    var outbox: [Event] = []
    /// Set when the consumer fell behind and events were dropped; the resync that recovers them
    /// runs at most once a second, so a stalled consumer cannot cause a snapshot storm.
    var overflowPending = false
    var lastOverflowResync: ContinuousClock.Instant?

    init(transport: Transport, settings: SubscriberSettings, output: AsyncStream<[Event]>.Continuation,
         statistics: Locked<SubscriberStatistics>) throws {
        var links: [UpstreamLink] = []
        do {
            for upstream in settings.upstreams {
                links.append(try UpstreamLink(transport: transport, upstream: upstream))
            }
        } catch {
            for link in links { link.close() }
            throw error
        }
        self.links = links
        self.settings = settings
        limits = transport.tuning.limits
        logger = transport.logger
        self.output = output
        self.statistics = statistics
        for link in links { requestSnapshot(link) }
    }

    var pollSockets: [Socket] { links.flatMap { [$0.sub, $0.channel.socket] } }

    func readable(_ socket: Socket) {
        for link in links {
            if socket === link.sub { receiveEvents(link) }
            if socket === link.channel.socket { link.channel.receiveReplies() }
        }
    }

    func nextTick(now: ContinuousClock.Instant) -> Duration? {
        let silence = settings.heartbeatInterval * settings.missedHeartbeats
        // Only live links wait for heartbeats; a syncing link's timer is its snapshot deadline.
        let silenceDeadlines = links.filter { $0.state != .syncing }.map { $0.lastHeard + silence }
        let overflowDeadline = overflowPending ? (lastOverflowResync.map { $0 + .seconds(1) } ?? now) : nil
        let deadlines = silenceDeadlines + links.compactMap { $0.channel.nextDeadline() } + [overflowDeadline].compactMap { $0 }
        return deadlines.min().map { $0 - now }
    }

    func tick(now: ContinuousClock.Instant) {
        flush()
        recoverOverflow(now: now)
        let silence = settings.heartbeatInterval * settings.missedHeartbeats
        for link in links {
            link.channel.expire(now: now)
            if case .live = link.state, now - link.lastHeard > silence {
                logger.warning("no heartbeat from upstream; resynchronising", metadata: ["endpoint": "\(link.upstream.pub)"])
                resync(link)
            }
        }
    }

    func close() {
        flush()
        for link in links { link.close() }
        output.finish()
    }
}
