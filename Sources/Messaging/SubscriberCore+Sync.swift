import CapstanCore
import ZeroMQ

extension SubscriberCore {
    func receiveEvents(_ link: UpstreamLink) {
        var budget = 1024
        while budget > 0, let frames = try? link.sub.receive(wait: false) {
            budget -= 1
            do {
                apply(try EventCodec.decode(frames, limits: limits), from: link)
            } catch {
                statistics.withLock { $0.malformed += 1 }
                logger.warning("dropped a malformed event", metadata: ["endpoint": "\(link.upstream.pub)", "reason": "\(error.reason)"])
            }
        }
    }

    /// The Clone pattern's client rules: same epoch and the next seq is delivered; an older seq is
    /// a duplicate; anything else (new epoch, gap, a heartbeat ahead of us) means resync.
    func apply(_ envelope: Envelope, from link: UpstreamLink) {
        link.lastHeard = .now
        let isHeartbeat = envelope.event.topic == EventCodec.heartbeatTopic
        guard case .live(let epoch, let seq) = link.state else {
            if !isHeartbeat, link.buffered.count < settings.bufferSize { link.buffered.append(envelope) }
            return
        }
        if envelope.epoch != epoch {
            logger.info("upstream has a new epoch; resynchronising", metadata: ["endpoint": "\(link.upstream.pub)"])
        } else if isHeartbeat, envelope.seq == seq {
            return
        } else if !isHeartbeat, envelope.seq <= seq {
            return
        } else if !isHeartbeat, envelope.seq == seq + 1 {
            link.state = .live(epoch: epoch, seq: envelope.seq)
            deliver(envelope.event)
            return
        } else {
            logger.info("sequence gap from upstream; resynchronising",
                        metadata: ["endpoint": "\(link.upstream.pub)", "expected": "\(seq + 1)", "got": "\(envelope.seq)"])
        }
        resync(link)
        if !isHeartbeat { link.buffered.append(envelope) }
    }

    func resync(_ link: UpstreamLink) {
        statistics.withLock { $0.resyncs += 1 }
        requestSnapshot(link)
    }

    func requestSnapshot(_ link: UpstreamLink) {
        link.state = .syncing
        link.buffered = []
        logger.debug("asking for a snapshot", metadata: ["endpoint": "\(link.upstream.router)"])
        let policy = RetryPolicy(timeout: settings.snapshotTimeout, attempts: .max)
        link.channel.send([Array(Request.snapshot.description.utf8)], policy: policy) { [weak self, weak link] result in
            guard let self, let link, case .success(let frames) = result else { return }
            self.applySnapshot(frames, to: link)
        }
    }

    private func applySnapshot(_ frames: [[UInt8]], to link: UpstreamLink) {
        let snapshot: Snapshot
        do {
            snapshot = try Snapshot(reply: Reply(frames: frames), limits: limits)
        } catch {
            logger.warning("malformed snapshot; asking again", metadata: ["endpoint": "\(link.upstream.router)", "reason": "\(error.reason)"])
            return requestSnapshot(link)
        }
        statistics.withLock { $0.snapshots += 1 }
        logger.debug("applying a snapshot", metadata: ["endpoint": "\(link.upstream.router)", "events": "\(snapshot.envelopes.count)", "seq": "\(snapshot.seq)"])
        for envelope in snapshot.envelopes { deliver(envelope.event) }
        let pending = link.buffered.sorted { $0.seq < $1.seq }
        link.state = .live(epoch: snapshot.epoch, seq: snapshot.seq)
        link.buffered = []
        link.lastHeard = .now
        for envelope in pending where link.state != .syncing { apply(envelope, from: link) }
    }

    /// Queues `event` for the consumer unless this key already holds the same identity.
    func deliver(_ event: Event) {
        guard settings.topics.isEmpty || settings.topics.contains(where: event.topic.hasPrefix) else { return }
        let identity = event.identity
        guard delivered[event.key] != identity else { return }
        delivered[event.key] = identity
        outbox.append(event)
    }

    /// Hands the queued events over as one batch. When the consumer is too far behind the oldest
    /// batch is dropped; its keys are forgotten and a resync brings them back.
    func flush() {
        guard !outbox.isEmpty else { return }
        let batch = outbox
        outbox = []
        switch output.yield(batch) {
        case .enqueued:
            statistics.withLock { $0.delivered += batch.count }
        case .dropped(let lost):
            statistics.withLock {
                $0.delivered += batch.count
                $0.dropped += lost.count
            }
            for event in lost where delivered[event.key] == event.identity { delivered[event.key] = nil }
            logger.warning("consumer too slow; events dropped, resynchronising to recover them", metadata: ["events": "\(lost.count)"])
            overflowPending = true
        case .terminated:
            return
        @unknown default:
            return
        }
    }

    /// Resyncs every live link to bring back dropped events, at most once a second.
    func recoverOverflow(now: ContinuousClock.Instant) {
        guard overflowPending, lastOverflowResync.map({ now - $0 >= .seconds(1) }) ?? true else { return }
        overflowPending = false
        lastOverflowResync = now
        for link in links where link.state != .syncing { resync(link) }
    }
}
