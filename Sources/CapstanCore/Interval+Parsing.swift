/// Why a duration text was refused.
public struct IntervalParseError: Error, Sendable, Hashable, CustomStringConvertible {
    public var text: String
    public var reason: String

    public var description: String { "invalid duration \"\(text)\": \(reason)" }
}

extension Interval {
    /// Reads Go's `time.ParseDuration` syntax without a sign: a sequence of decimal numbers, each
    /// with a unit (`ns`, `us`, `µs`, `ms`, `s`, `m`, `h`), such as `1h30m`, `1.5s` or `0`.
    public static func parse(_ text: String) throws(IntervalParseError) -> Interval {
        func fail(_ reason: String) -> IntervalParseError { IntervalParseError(text: text, reason: reason) }
        if text == "0" { return Interval(nanoseconds: 0) }
        if text.isEmpty { throw fail("it is empty (write it like 30s, 5m or 1h30m)") }
        var rest = Substring(text)
        var total: Double = 0
        while !rest.isEmpty {
            let number = rest.prefix { $0.isASCII && ($0.isNumber || $0 == ".") }
            guard !number.isEmpty, let value = Double(number) else {
                throw fail("expected a number at \"\(rest)\" (write it like 30s, 5m or 1h30m)")
            }
            rest = rest.dropFirst(number.count)
            let unit = rest.prefix { !($0.isASCII && ($0.isNumber || $0 == ".")) }
            guard let size = unitSize(String(unit)) else {
                let shown = unit.isEmpty ? "a missing unit" : "unknown unit \"\(unit)\""
                throw fail("\(shown) (use ns, us, ms, s, m or h, as in 1m30s)")
            }
            rest = rest.dropFirst(unit.count)
            total += value * Double(size)
        }
        guard total < 9.2e18 else { throw fail("it is too long") }
        return Interval(nanoseconds: Int64(total.rounded()))
    }

    private static func unitSize(_ unit: String) -> Int64? {
        if unit == "µs" || unit == "μs" { return 1_000 }
        return units.first { $0.0 == unit }?.1
    }
}
