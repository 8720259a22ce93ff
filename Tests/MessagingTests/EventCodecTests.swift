import CapstanCore
@testable import Messaging
import Testing

@Suite struct EventCodecTests {
    @Test func roundTripsTopicHeaderAndPayload() throws {
        let envelope = Envelope(event: Event(topic: "bundle.shop", fields: ["app": "shop"], payload: [[1, 2, 3]]), epoch: "e1", seq: 7)
        let frames = EventCodec.encode(envelope)
        #expect(String(decoding: frames[0], as: UTF8.self) == "bundle.shop")
        let header = try JSONValue.parse(frames[1])
        #expect(header["v"] == 1 && header["epoch"] == "e1" && header["seq"] == 7)
        #expect(try EventCodec.decode(frames) == envelope)
    }

    static func frames(_ texts: String...) -> [[UInt8]] { texts.map { Array($0.utf8) } }

    static let malformed: [([[UInt8]], String)] = [
        ([], "0 frame(s), expected at least topic and header"),
        (frames("t"), "1 frame(s), expected at least topic and header"),
        (frames("", "{}"), "topic of 0 bytes, expected 1 to 256"),
        (frames("t t", "{}"), "topic has non-printable or non-ASCII bytes"),
        (frames("t", "[1]"), "header is not a JSON object"),
        (frames("t", #"{"v":2,"epoch":"e","seq":1}"#), "unsupported protocol version 2"),
        (frames("t", #"{"v":1,"seq":1}"#), "header has no valid epoch"),
        (frames("t", #"{"v":1,"epoch":"e","seq":-1}"#), "header has no valid seq"),
        (frames("t", "{nope"), "header: invalid JSON at byte 1: expected a string key"),
    ]

    @Test(arguments: malformed)
    func refusesMalformedFrames(frames: [[UInt8]], reason: String) {
        #expect(throws: MessageError(reason)) { try EventCodec.decode(frames) }
    }

    @Test func refusesOversizedHeaderAndTooManyFrames() {
        let big = Array("{\"pad\":\"\(String(repeating: "x", count: 70_000))\"}".utf8)
        #expect(throws: MessageError.self) { try EventCodec.decode([Array("t".utf8), big]) }
        let many = [Array("t".utf8), Array("{}".utf8)] + Array(repeating: [UInt8](), count: 100)
        #expect(throws: MessageError("102 frames, more than 64")) { try EventCodec.decode(many) }
    }

    @Test func parsesRequestLines() throws {
        let digest = Digest(of: [1])
        #expect(try Request.parse(Array("SNAPSHOT".utf8), defaultLength: 10) == .snapshot)
        #expect(try Request.parse(Array("GET \(digest)".utf8), defaultLength: 10) == .get(digest, offset: 0, length: 10))
        #expect(try Request.parse(Array("GET \(digest) 5 99".utf8), defaultLength: 10) == .get(digest, offset: 5, length: 10))
        #expect(try Request.parse(Array("TRIGGER platform".utf8), defaultLength: 10) == .trigger("platform"))
        for bad in ["", "GET", "GET sha256:zz", "TRIGGER", "STATUS now", "DELETE x"] {
            #expect(throws: MessageError.self) { try Request.parse(Array(bad.utf8), defaultLength: 10) }
        }
    }

    @Test func parsesOnlyTheCustomVerbsAHandlerLists() throws {
        #expect(try Request.parse(Array("SUSPEND shop".utf8), defaultLength: 10, customVerbs: ["SUSPEND"]) == .custom(verb: "SUSPEND", name: "shop"))
        for bad in ["SUSPEND", "SUSPEND a b", "RESUME shop"] {
            #expect(throws: MessageError.self) { try Request.parse(Array(bad.utf8), defaultLength: 10, customVerbs: ["SUSPEND"]) }
        }
    }

    @Test func loopbackEndpointsNeedNoEncryption() {
        for endpoint in ["tcp://127.0.0.1:7401", "tcp://localhost:1", "tcp://[::1]:2", "inproc://x", "ipc:///tmp/s"] {
            #expect(Transport.isLoopback(endpoint))
        }
        for endpoint in ["tcp://*:7401", "tcp://0.0.0.0:1", "tcp://10.0.0.1:2", "tcp://fetcher:7401"] {
            #expect(!Transport.isLoopback(endpoint))
        }
    }
}

@Suite struct HeaderEncoderTests {
    @Test func writesTheSameBytesAsTheCanonicalSerializer() {
        let fields: [String: JSONValue] = [
            "digest": "sha256:00", "seq": 5, "epoch": "e", "v": 1, "quote": "a\"b\\c\n", "unicode": "é☃",
            "nested": ["b": [1, 2.5, nil], "a": true], "flag": false, "none": nil,
        ]
        #expect(HeaderEncoder.encode(fields) == Array(JSONValue.object(fields).serialized().utf8))
    }
}

@Suite struct ReservedHeaderTests {
    @Test func envelopeFieldsWinOverEventFieldsWithReservedNames() throws {
        let envelope = Envelope(event: Event(topic: "t", fields: ["seq": 99, "epoch": "forged", "x": 1]), epoch: "real", seq: 3)
        let header = try JSONValue.parse(EventCodec.encode(envelope)[1])
        #expect(header == ["seq": 3, "epoch": "real", "v": 1, "x": 1])
    }
}

@Suite struct HeaderDecoderTests {
    static let headers = [
        "{}", #"{"v":1,"epoch":"e","seq":12}"#, #"{"a":"é☃","b":true,"c":false,"d":null,"e":-5,"f":0}"#,
        #"{"a":"x\"y"}"#, #"{"a":1.5}"#, #"{"a":[1]}"#, #"{"a":{"b":1}}"#, #"{ "a":1}"#, #"{"a":01}"#, #"{"a":1,}"#,
        #"{"a":1}x"#, #"{"a":1,"a":2}"#, #"{"a":tru}"#, #"{"a":-}"#, #"{"a":"\u0041"}"#, #"{"a":1e3}"#,
        #"{"a":99999999999999999999}"#, #"{"a""#, "{", "}", "",
    ]

    @Test(arguments: headers)
    func agreesWithTheGeneralParserOrDefersToIt(header: String) {
        let bytes = Array(header.utf8)
        guard let fast = HeaderDecoder.decodeFlat(bytes) else { return }
        #expect((try? JSONValue.parse(bytes)) == .object(fast))
    }

    @Test func takesTheFastPathForOrdinaryHeaders() {
        #expect(HeaderDecoder.decodeFlat(Array(#"{"digest":"sha256:ab","seq":3,"v":1}"#.utf8)) == ["digest": "sha256:ab", "seq": 3, "v": 1])
    }
}
