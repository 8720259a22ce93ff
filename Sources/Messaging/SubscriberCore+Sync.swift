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

    /// Hands `event` to the consumer unless this key already holds the same identity.
    func deliver(_ event: Event) {
        guard settings.topics.isEmpty || settings.topics.contains(where: event.topic.hasPrefix) else { return }
        let identity = event.identity
        guard delivered[event.key] != identity else { return }
        switch output.yield(event) {
        case .enqueued:
            delivered[event.key] = identity
            statistics.withLock { $0.delivered += 1 }
        case .dropped(let lost):
            delivered[event.key] = identity
            delivered[lost.key] = nil
            logger.warning("consumer too slow; an event was dropped and will come back by snapshot", metadata: ["topic": "\(lost.topic)"])
            for link in links where link.state != .syncing { resync(link) }
        case .terminated:
            return
        @unknown default:
            return
        }
    }
}
