import CapstanCore
import ZeroMQ

extension PublisherCore {
    /// Answers one ROUTER message `[peer][request id][command line]`; anything else gets an ERR
    /// reply (when it can be addressed) and one log line.
    func answer(_ frames: [[UInt8]]) {
        guard frames.count == 3, !frames[1].isEmpty, frames[1].count <= 32 else {
            logger.warning("refused a malformed request", metadata: ["frames": "\(frames.count)"])
            if frames.count >= 2 { reply(to: frames[0], id: frames[1], .error("malformed request: expected [id][command]")) }
            return
        }
        logger.trace("request", metadata: ["line": "\(String(decoding: frames[2].prefix(80), as: UTF8.self))"])
        let result: Reply
        do {
            result = try respond(to: Request.parse(frames[2], defaultLength: limits.chunkBytes, customVerbs: handler.customVerbs))
        } catch {
            logger.warning("refused a malformed request", metadata: ["reason": "\(error.reason)"])
            result = .error(error.reason)
        }
        reply(to: frames[0], id: frames[1], result)
    }

    private func respond(to request: Request) -> Reply {
        switch request {
        case .snapshot: return snapshot()
        case .status: return Reply(ok: true, body: [Array(handler.status().serialized().utf8)])
        case .trigger(let name):
            switch handler.trigger(name) {
            case .success(let body): return Reply(ok: true, body: [Array(body.serialized().utf8)])
            case .failure(let refusal): return .error(refusal.reason)
            }
        case .custom(let verb, let name):
            switch handler.perform(verb, name: name) {
            case .success(let body): return Reply(ok: true, body: [Array(body.serialized().utf8)])
            case .failure(let refusal): return .error(refusal.reason)
            }
        case .get(let digest, let offset, let length): return chunk(of: digest, offset: offset, length: length)
        }
    }

    /// `[meta {epoch, seq, count}]` then, per event, `[topic][header][payload count][payload…]`.
    private func snapshot() -> Reply {
        let meta: JSONValue = ["epoch": .string(epoch), "seq": .int(Int64(seq)), "count": .int(Int64(latest.count))]
        var body = [Array(meta.serialized().utf8)]
        for envelope in latest.values.sorted(by: { $0.seq < $1.seq }) {
            let frames = EventCodec.encode(envelope)
            body += frames.prefix(2)
            body.append(Array(String(envelope.event.payload.count).utf8))
            body += frames.dropFirst(2)
        }
        return Reply(ok: true, body: body)
    }

    private func chunk(of digest: Digest, offset: Int, length: Int) -> Reply {
        guard let source = handler.payload(for: digest) else { return .error("unknown digest \(digest)") }
        guard offset <= source.size else { return .error("offset \(offset) is past the end (\(source.size) bytes)") }
        do {
            let bytes = try source.read(offset: offset, length: length)
            let meta: JSONValue = ["size": .int(Int64(source.size)), "offset": .int(Int64(offset))]
            return Reply(ok: true, body: [Array(meta.serialized().utf8), bytes])
        } catch {
            logger.error("could not read payload", metadata: ["digest": "\(digest)", "error": "\(error)"])
            return .error("could not read \(digest)")
        }
    }

    private func reply(to peer: [UInt8], id: [UInt8], _ reply: Reply) {
        do {
            try router.send([peer, id] + reply.frames, wait: false)
        } catch {
            // The peer left (EHOSTUNREACH) or stopped reading (EAGAIN): its retry will ask again.
            logger.debug("could not reply", metadata: ["error": "\(error)"])
        }
    }
}
