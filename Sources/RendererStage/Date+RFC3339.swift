import Foundation

extension Date {
    /// `2026-01-02T03:04:05Z`.
    var rfc3339: String { formatted(.iso8601) }
}
