import CapstanCore
import Foundation
import Testing
@testable import KubeSim

/// The byte writer behind every response must agree with `JSONValue.serialized(escapingHTML: true)`
/// (it escapes `<`, `>`, `&`, U+2028 and U+2029 as Go's encoder does).
@Suite struct JSONBytesTests {
    @Test func matchesTheStringSerializer() throws {
        let value: JSONValue = [
            "b": [1, -20, 3.5, true, nil], "a": "quote \" slash \\ tab \t nl \n ctl \u{01} <b>&é ✓ \u{2028}",
            "nested": ["z": [:], "y": [], "é": "ü"], "big": .int(9_007_199_254_740_993),
        ]
        let bytes = JSONBytes.serialize(value)
        #expect(try JSONValue.parse(bytes) == value)
        #expect(String(decoding: bytes, as: UTF8.self) == value.serialized(escapingHTML: true))
    }

    @Test func clockFormatsAndParsesWholeSecondsUTC() {
        #expect(Clock.format(Date(timeIntervalSince1970: 0)) == "1970-01-01T00:00:00Z")
        #expect(Clock.format(Date(timeIntervalSince1970: 1_795_833_407)) == "2026-11-28T02:36:47Z")
        #expect(Clock.parse("2026-11-28T02:36:47Z") == Date(timeIntervalSince1970: 1_795_833_407))
        #expect(Clock.parse("2024-02-29T23:59:59Z").map(Clock.format) == "2024-02-29T23:59:59Z")
        #expect(Clock.parse("1999-12-31T00:00:00Z").map(Clock.format) == "1999-12-31T00:00:00Z")
        #expect(Clock.parse("not a time") == nil)
    }
}
