import CapstanCore
import Testing

@Suite struct IntervalTests {
    @Test(arguments: [
        ("30s", Int64(30_000_000_000)), ("1m", 60_000_000_000), ("1h30m", 5_400_000_000_000), ("500ms", 500_000_000),
        ("1.5s", 1_500_000_000), ("2h45m30s", 9_930_000_000_000), ("10us", 10_000), ("10µs", 10_000), ("7ns", 7), ("0", 0),
    ])
    func readsGoStyleDurations(_ text: String, _ nanoseconds: Int64) throws {
        #expect(try Interval.parse(text).nanoseconds == nanoseconds)
    }

    @Test(arguments: [
        ("5x", "invalid duration \"5x\": unknown unit \"x\" (use ns, us, ms, s, m or h, as in 1m30s)"),
        ("10", "invalid duration \"10\": a missing unit (use ns, us, ms, s, m or h, as in 1m30s)"),
        ("", "invalid duration \"\": it is empty (write it like 30s, 5m or 1h30m)"),
        ("-5s", "invalid duration \"-5s\": expected a number at \"-5s\" (write it like 30s, 5m or 1h30m)"),
        ("m", "invalid duration \"m\": expected a number at \"m\" (write it like 30s, 5m or 1h30m)"),
    ])
    func refusesMalformedDurations(_ text: String, _ message: String) {
        #expect(throws: IntervalParseError.self) { try Interval.parse(text) }
        do { _ = try Interval.parse(text) } catch { #expect(error.description == message) }
    }

    @Test func printsTheShortestGoStyleText() {
        #expect(Interval.seconds(5400).description == "1h30m")
        #expect(Interval.milliseconds(1500).description == "1s500ms")
        #expect(Interval(nanoseconds: 0).description == "0s")
        #expect(Interval.minutes(2).duration == .seconds(120))
    }
}
