import Foundation

/// Timestamps as the API server writes them: RFC 3339, UTC, whole seconds.
enum Clock {
    static func now() -> String { format(Date()) }

    static func format(_ date: Date) -> String {
        let seconds = Int64(date.timeIntervalSince1970)
        let days = seconds >= 0 ? seconds / 86400 : (seconds - 86399) / 86400
        let rest = seconds - days * 86400
        let (year, month, day) = civil(fromDays: days)
        // Digits by hand: String(format:) showed up in profiles of server-side apply.
        var bytes: [UInt8] = []
        bytes.reserveCapacity(20)
        let parts: [(Int64, Int, String)] = [(year, 4, "-"), (month, 2, "-"), (day, 2, "T"), (rest / 3600, 2, ":"),
                                             ((rest % 3600) / 60, 2, ":"), (rest % 60, 2, "Z")]
        for (value, width, separator) in parts {
            var divisor: Int64 = 1
            for _ in 1..<width { divisor *= 10 }
            while divisor > 0 {
                bytes.append(UInt8(ascii: "0") + UInt8(value / divisor % 10))
                divisor /= 10
            }
            bytes += separator.utf8
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Days since 1970-01-01 to a proleptic Gregorian date (Howard Hinnant's algorithm).
    private static func civil(fromDays days: Int64) -> (Int64, Int64, Int64) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }
}
