/// Go's time.Duration parsing and printing.
extension GoTime {
    /// time.ParseDuration.
    static func parseDuration(_ text: String) -> Int64? {
        var s = Substring(text)
        var negative = false
        if s.hasPrefix("-") || s.hasPrefix("+") {
            negative = s.hasPrefix("-")
            s = s.dropFirst()
        }
        if s == "0" { return 0 }
        guard !s.isEmpty else { return nil }
        let units: [(String, Double)] = [("ns", 1), ("us", 1e3), ("µs", 1e3), ("μs", 1e3), ("ms", 1e6), ("s", 1e9), ("m", 60e9), ("h", 3600e9)]
        var total: Double = 0
        while !s.isEmpty {
            let number = s.prefix { $0.isNumber || $0 == "." }
            guard !number.isEmpty, let value = Double(number) else { return nil }
            s = s.dropFirst(number.count)
            guard let unit = units.sorted(by: { $0.0.count > $1.0.count }).first(where: { s.hasPrefix($0.0) }) else { return nil }
            s = s.dropFirst(unit.0.count)
            total += value * unit.1
        }
        return Int64(negative ? -total : total)
    }

    /// time.Duration.String().
    static func durationString(_ d: Int64) -> String {
        if d == 0 { return "0s" }
        let negative = d < 0
        var u = d.magnitude
        var out = ""
        if u < 1_000_000_000 {
            let (unit, div): (String, UInt64) = u < 1000 ? ("ns", 1) : u < 1_000_000 ? ("µs", 1000) : ("ms", 1_000_000)
            out = trimFraction(u, div) + unit
        } else {
            let h = u / 3_600_000_000_000
            u -= h * 3_600_000_000_000
            let m = u / 60_000_000_000
            u -= m * 60_000_000_000
            out = trimFraction(u, 1_000_000_000) + "s"
            if h > 0 || m > 0 { out = "\(m)m" + out }
            if h > 0 { out = "\(h)h" + out }
        }
        return (negative ? "-" : "") + out
    }

    static func trimFraction(_ value: UInt64, _ div: UInt64) -> String {
        let whole = value / div
        var frac = value % div
        guard frac > 0 else { return String(whole) }
        var digits = String(div).count - 1
        var text = ""
        while digits > 0 {
            let p = UInt64(pow10(digits - 1))
            text += String(frac / p)
            frac %= p
            digits -= 1
        }
        while text.hasSuffix("0") { text.removeLast() }
        return "\(whole).\(text)"
    }

    static func pow10(_ n: Int) -> Int { (0..<n).reduce(1) { r, _ in r * 10 } }
}
