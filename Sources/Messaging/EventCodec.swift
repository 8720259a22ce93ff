import CapstanCore

/// The wire form `[topic][header JSON][payload…]` of DESIGN.md, in both directions.
public enum EventCodec {
    /// The protocol version in every header's `v`.
    public static let version: Int64 = 1
    /// The topic of heartbeats; their `seq` is the publisher's latest event seq.
    public static let heartbeatTopic = "hb"
    static let reserved: Set<String> = ["v", "epoch", "seq"]

    /// The frames of `envelope`.
    public static func encode(_ envelope: Envelope) -> [[UInt8]] {
        let header = HeaderEncoder.encode(envelope.event.fields, adding: [
            "v": .int(version), "epoch": .string(envelope.epoch), "seq": .int(Int64(clamping: envelope.seq)),
        ])
        return [Array(envelope.event.topic.utf8), header] + envelope.event.payload
    }

    /// Reads `frames`, refusing anything malformed or over `limits`.
    public static func decode(_ frames: [[UInt8]], limits: MessageLimits = .default) throws(MessageError) -> Envelope {
        guard frames.count >= 2 else { throw MessageError("\(frames.count) frame(s), expected at least topic and header") }
        guard frames.count <= limits.maxFrames else { throw MessageError("\(frames.count) frames, more than \(limits.maxFrames)") }
        let topic = try decodeTopic(frames[0], limits: limits)
        var fields = try decodeHeader(frames[1], limits: limits)
        guard fields["v"]?.intValue == version else { throw MessageError("unsupported protocol version \(fields["v"].map { $0.serialized() } ?? "none")") }
        guard let epoch = fields["epoch"]?.stringValue, !epoch.isEmpty, epoch.utf8.count <= 64 else {
            throw MessageError("header has no valid epoch")
        }
        guard let seq = fields["seq"]?.intValue, seq >= 0 else { throw MessageError("header has no valid seq") }
        for key in reserved { fields[key] = nil }
        return Envelope(event: Event(topic: topic, fields: fields, payload: Array(frames.dropFirst(2))), epoch: epoch, seq: UInt64(seq))
    }

    static func decodeTopic(_ frame: [UInt8], limits: MessageLimits) throws(MessageError) -> String {
        guard !frame.isEmpty, frame.count <= limits.maxTopicBytes else {
            throw MessageError("topic of \(frame.count) bytes, expected 1 to \(limits.maxTopicBytes)")
        }
        guard frame.allSatisfy({ $0 > 0x20 && $0 < 0x7F }) else { throw MessageError("topic has non-printable or non-ASCII bytes") }
        return String(decoding: frame, as: UTF8.self)
    }

    static func decodeHeader(_ frame: [UInt8], limits: MessageLimits) throws(MessageError) -> [String: JSONValue] {
        guard frame.count <= limits.maxHeaderBytes else { throw MessageError("header of \(frame.count) bytes, more than \(limits.maxHeaderBytes)") }
        if let fields = HeaderDecoder.decodeFlat(frame) { return fields }
        let value: JSONValue
        do {
            value = try JSONValue.parse(frame, maxDepth: 32)
        } catch {
            throw MessageError("header: \(error)")
        }
        guard let fields = value.objectValue else { throw MessageError("header is not a JSON object") }
        return fields
    }
}
