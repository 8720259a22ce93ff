/// A span of time written Go/Flux style (`30s`, `1m`, `1h30m`, `500ms`) in config and flags.
///
/// Named `Interval` so it never clashes with `Swift.Duration`, which `duration` converts to.
public struct Interval: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var nanoseconds: Int64

    public init(nanoseconds: Int64) {
        self.nanoseconds = nanoseconds
    }

    public static func seconds(_ seconds: Int64) -> Interval { Interval(nanoseconds: seconds * 1_000_000_000) }
    public static func minutes(_ minutes: Int64) -> Interval { .seconds(minutes * 60) }
    public static func milliseconds(_ milliseconds: Int64) -> Interval { Interval(nanoseconds: milliseconds * 1_000_000) }

    /// The same span as a `Swift.Duration`, for sleeps and deadlines.
    public var duration: Duration { .nanoseconds(nanoseconds) }

    public static func < (lhs: Interval, rhs: Interval) -> Bool { lhs.nanoseconds < rhs.nanoseconds }

    /// The shortest Go-style text for the span: `1h30m`, `45s`, `500ms`, `0s`.
    public var description: String {
        if nanoseconds == 0 { return "0s" }
        var rest = nanoseconds
        var text = ""
        for (unit, size) in Self.units where rest >= size {
            text += "\(rest / size)\(unit)"
            rest %= size
        }
        return text
    }

    static let units: [(String, Int64)] = [
        ("h", 3_600_000_000_000), ("m", 60_000_000_000), ("s", 1_000_000_000),
        ("ms", 1_000_000), ("us", 1_000), ("ns", 1),
    ]
}
