import CapstanCore

/// A SNAPSHOT reply: the publisher's epoch, the seq its state is current at, and that state.
struct Snapshot {
    var epoch: String
    var seq: UInt64
    var envelopes: [Envelope]

    /// Reads `[meta {epoch, seq, count}]` then, per event, `[topic][header][payload count][payload…]`.
    init(reply: Reply, limits: MessageLimits) throws(MessageError) {
        guard reply.ok else { throw MessageError("snapshot refused: \(reply.reason)") }
        guard let metaFrame = reply.body.first, let meta = try? JSONValue.parse(metaFrame),
              let epoch = meta["epoch"]?.stringValue, let seq = meta["seq"]?.intValue, seq >= 0,
              let count = meta["count"]?.intValue, count >= 0
        else { throw MessageError("snapshot without valid epoch, seq and count") }
        var frames = reply.body.dropFirst()
        var envelopes: [Envelope] = []
        for _ in 0..<count {
            guard frames.count >= 3, let payloadCount = Int(String(decoding: frames[frames.startIndex + 2], as: UTF8.self)),
                  payloadCount >= 0, frames.count >= 3 + payloadCount
            else { throw MessageError("snapshot ends inside an event") }
            let event = Array(frames.prefix(2)) + Array(frames.dropFirst(3).prefix(payloadCount))
            let envelope = try EventCodec.decode(event, limits: limits)
            guard envelope.epoch == epoch, envelope.seq <= UInt64(seq) else { throw MessageError("snapshot event from another epoch or later seq") }
            envelopes.append(envelope)
            frames = frames.dropFirst(3 + payloadCount)
        }
        guard frames.isEmpty else { throw MessageError("snapshot has frames after its events") }
        self.epoch = epoch
        self.seq = UInt64(seq)
        self.envelopes = envelopes
    }
}
