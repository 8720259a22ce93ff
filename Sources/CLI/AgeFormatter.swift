import Foundation

/// Times as operators read them: "3m ago", "in 45s", from a stage's RFC 3339 strings or
/// epoch seconds.
public enum AgeFormatter {
    /// How long before `now` the moment `date` was (or how long after, for the future).
    public static func age(of date: Date?, now: Date = Date()) -> String {
        guard let date else { return "-" }
        let seconds = now.timeIntervalSince(date)
        if abs(seconds) < 1 { return "now" }
        let span = span(abs(seconds))
        return seconds > 0 ? "\(span) ago" : "in \(span)"
    }

    /// 59s, 3m, 2h, 5d: the largest whole unit, or two for short spans of minutes and hours
    /// (`2m10s`, `1h5m`) so a running reconcile's progress stays visible.
    public static func span(_ seconds: TimeInterval) -> String {
        let total = Int(seconds.rounded(.down))
        switch total {
        case ..<60: return "\(total)s"
        case ..<600: return total % 60 == 0 ? "\(total / 60)m" : "\(total / 60)m\(total % 60)s"
        case ..<3600: return "\(total / 60)m"
        case ..<36_000: return total % 3600 / 60 == 0 ? "\(total / 3600)h" : "\(total / 3600)h\(total % 3600 / 60)m"
        case ..<172_800: return "\(total / 3600)h"
        default: return "\(total / 86_400)d"
        }
    }
}
