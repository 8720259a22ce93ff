import CapstanCore
import Foundation

/// Reads the times stages report: RFC 3339 strings (with or without fractional seconds) or
/// numbers of seconds since 1970 (the fetcher's `lastFetch`).
public enum TimeValue {
    public static func date(_ value: JSONValue?) -> Date? {
        switch value {
        case .string(let text)?: return date(text)
        case .double(let seconds)?: return Date(timeIntervalSince1970: seconds)
        case .int(let seconds)?: return Date(timeIntervalSince1970: TimeInterval(seconds))
        default: return nil
        }
    }

    public static func date(_ text: String) -> Date? {
        if let date = try? Date(text, strategy: .iso8601) { return date }
        return try? Date(text, strategy: Date.ISO8601FormatStyle(includingFractionalSeconds: true))
    }

    /// The RFC 3339 form used in the CLI's JSON output.
    public static func text(_ date: Date) -> String { date.formatted(.iso8601) }
}
