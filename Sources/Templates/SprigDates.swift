import Foundation

/// Sprig's date functions, in UTC. `now` and `ago` are left out (the clock is not deterministic).
enum SprigDates {
    typealias F = TemplateFunction

    static func time(_ v: Value) -> TimeValue {
        switch v {
        case .object(let o as TimeValue): return o
        case .int(let i, let kind) where kind == .int || kind == .int64 || kind == .int32: return TimeValue(seconds: i)
        default:
            let now = Date().timeIntervalSince1970
            return TimeValue(seconds: Int64(now), nanos: Int64((now - now.rounded(.down)) * 1e9))
        }
    }

    static func register(_ t: inout FunctionTable) {
        t["date"] = F([.string, .any]) { _, a in .string(GoTime.format(time(a[1]), SprigStrings.s(a[0]))) }
        let inZone = F([.string, .any, .string]) { _, a in .string(GoTime.format(time(a[1]), SprigStrings.s(a[0]))) }
        t["dateInZone"] = inZone; t["date_in_zone"] = inZone
        t["htmlDate"] = F([.any]) { _, a in .string(GoTime.format(time(a[0]), "2006-01-02")) }
        t["htmlDateInZone"] = F([.any, .string]) { _, a in .string(GoTime.format(time(a[0]), "2006-01-02")) }
        t["toDate"] = F([.string, .string]) { _, a in
            .object((try? GoTime.parse(SprigStrings.s(a[0]), SprigStrings.s(a[1]))) ?? TimeValue(seconds: -62135596800))
        }
        t["mustToDate"] = F([.string, .string]) { _, a throws(FunctionError) in
            do { return .object(try GoTime.parse(SprigStrings.s(a[0]), SprigStrings.s(a[1]))) } catch let failure as GoTime.ParseFailure { throw FunctionError(failure.message) } catch { throw FunctionError("\(error)") }
        }
        let modify = F([.string, .any]) { _, a throws(FunctionError) in
            let base = time(a[1])
            guard let d = GoTime.parseDuration(SprigStrings.s(a[0])) else { return .object(base) }
            let total = base.nanos + d % 1_000_000_000
            return .object(TimeValue(seconds: base.seconds + d / 1_000_000_000 + total / 1_000_000_000, nanos: total % 1_000_000_000))
        }
        t["dateModify"] = modify; t["date_modify"] = modify
        t["mustDateModify"] = F([.string, .any]) { executor, a throws(FunctionError) in
            guard GoTime.parseDuration(SprigStrings.s(a[0])) != nil else {
                throw FunctionError("time: invalid duration \(GoQuote.quote(SprigStrings.s(a[0])))")
            }
            return try modify.body(executor, a)
        }
        t["must_date_modify"] = t["mustDateModify"]
        t["unixEpoch"] = F([.any]) { _, a in .string(String(time(a[0]).seconds)) }
        t["duration"] = F([.any]) { _, a in
            var n: Int64 = 0
            switch a[0] {
            case .string(let s): n = GoStrconv.parseDecimal(s) ?? 0
            case .int(let i, .int64): n = i
            default: break
            }
            return .string(GoTime.durationString(n &* 1_000_000_000))
        }
        t["durationRound"] = F([.any]) { _, a in
            var d: Int64 = 0
            switch a[0] {
            case .string(let s): d = GoTime.parseDuration(s) ?? 0
            case .int(let i, .int64): d = i
            default: break
            }
            return .string(durationRound(d))
        }
    }

    static func durationRound(_ d: Int64) -> String {
        let u = d.magnitude
        let hour: UInt64 = 3_600_000_000_000
        let steps: [(UInt64, String)] = [(hour * 24 * 365, "y"), (hour * 24 * 30, "mo"), (hour * 24, "d"), (hour, "h"),
                                         (60_000_000_000, "m"), (1_000_000_000, "s")]
        for (size, unit) in steps where u > size { return "\(u / size)\(unit)" }
        return "0s"
    }
}
