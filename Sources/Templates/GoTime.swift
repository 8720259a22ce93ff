/// Go's time layout formatting and parsing for UTC times.
enum GoTime {
    struct Civil { var year, month, day, hour, minute, second, weekday, yday: Int }

    static let months = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
                         "October", "November", "December"]
    static let days = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"]

    static func civil(_ seconds: Int64) -> Civil {
        var days = seconds / 86400
        var rem = seconds % 86400
        if rem < 0 { rem += 86400; days -= 1 }
        let z = days + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        var y = yoe + era * 400
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        if m <= 2 { y += 1 }
        let weekday = Int(((days % 7) + 11) % 7)
        let jan1 = daysFromCivil(Int(y), 1, 1)
        return Civil(year: Int(y), month: Int(m), day: Int(d), hour: Int(rem / 3600), minute: Int(rem % 3600 / 60),
                     second: Int(rem % 60), weekday: weekday, yday: Int(days - jan1) + 1)
    }

    static func daysFromCivil(_ year: Int, _ month: Int, _ day: Int) -> Int64 {
        let y = Int64(month <= 2 ? year - 1 : year)
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let m = Int64(month)
        let doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + Int64(day) - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }

    static let tokens = ["January", "Jan", "Monday", "Mon", "MST", "2006", "002", "01", "02", "03", "04", "05", "06",
                         "_2", "15", "1", "2", "3", "4", "5", "PM", "pm", "-07:00:00", "-070000", "-07:00", "-0700", "-07",
                         "Z07:00:00", "Z070000", "Z07:00", "Z0700", "Z07"]

    /// Splits a layout into literal text and Go's std chunks.
    static func chunks(_ layout: String) -> [(String, Bool)] {
        var out: [(String, Bool)] = []
        var literal = ""
        var rest = Substring(layout)
        outer: while !rest.isEmpty {
            if rest.first == "." || rest.first == "," {
                let after = rest.dropFirst()
                if let digit = after.first, digit == "0" || digit == "9" {
                    let run = after.prefix { $0 == digit }
                    let next = after.dropFirst(run.count).first
                    if next == nil || !(next!.isNumber) {
                        if !literal.isEmpty { out.append((literal, false)); literal = "" }
                        out.append((String(rest.prefix(run.count + 1)), true))
                        rest = rest.dropFirst(run.count + 1)
                        continue
                    }
                }
            }
            for token in tokens where rest.hasPrefix(token) {
                if token == "Jan" || token == "Mon" {
                    // "Janet" is not a month name.
                    let next = rest.dropFirst(token.count).first
                    if let next, next.isLowercase, !(token == "Jan" && rest.hasPrefix("January")) && !(token == "Mon" && rest.hasPrefix("Monday")) {
                        break
                    }
                }
                if !literal.isEmpty { out.append((literal, false)); literal = "" }
                out.append((token, true))
                rest = rest.dropFirst(token.count)
                continue outer
            }
            literal.append(rest.removeFirst())
        }
        if !literal.isEmpty { out.append((literal, false)) }
        return out
    }

    static func pad(_ n: Int, _ width: Int, _ fill: Character = "0") -> String {
        let s = String(n)
        return s.count >= width ? s : String(repeating: fill, count: width - s.count) + s
    }

    static func format(_ t: TimeValue, _ layout: String) -> String {
        let c = civil(t.seconds)
        var out = ""
        for (chunk, isToken) in chunks(layout) {
            guard isToken else { out += chunk; continue }
            switch chunk {
            case "January": out += months[c.month - 1]
            case "Jan": out += String(months[c.month - 1].prefix(3))
            case "Monday": out += days[c.weekday]
            case "Mon": out += String(days[c.weekday].prefix(3))
            case "MST": out += "UTC"
            case "2006": out += pad(c.year, 4)
            case "06": out += pad(c.year % 100, 2)
            case "002": out += pad(c.yday, 3)
            case "01": out += pad(c.month, 2)
            case "1": out += String(c.month)
            case "02": out += pad(c.day, 2)
            case "_2": out += pad(c.day, 2, " ")
            case "2": out += String(c.day)
            case "15": out += pad(c.hour, 2)
            case "03": out += pad(c.hour % 12 == 0 ? 12 : c.hour % 12, 2)
            case "3": out += String(c.hour % 12 == 0 ? 12 : c.hour % 12)
            case "04": out += pad(c.minute, 2)
            case "4": out += String(c.minute)
            case "05": out += pad(c.second, 2)
            case "5": out += String(c.second)
            case "PM": out += c.hour >= 12 ? "PM" : "AM"
            case "pm": out += c.hour >= 12 ? "pm" : "am"
            case let z where z.hasPrefix("Z"): out += "Z"
            case "-07:00:00": out += "+00:00:00"
            case "-070000": out += "+000000"
            case "-07:00": out += "+00:00"
            case "-0700": out += "+0000"
            case "-07": out += "+00"
            default:
                // Fractional seconds.
                let digits = chunk.count - 1
                var frac = pad(Int(t.nanos), 9)
                frac = String(frac.prefix(digits))
                if chunk.dropFirst().first == "9" {
                    while frac.hasSuffix("0") { frac.removeLast() }
                    if !frac.isEmpty { out += String(chunk.first!) + frac }
                } else {
                    out += String(chunk.first!) + frac
                }
            }
        }
        return out
    }

    struct ParseFailure: Error { let message: String }

    /// time.Parse for UTC layouts.
    static func parse(_ layout: String, _ value: String) throws(GoTime.ParseFailure) -> TimeValue {
        var rest = Substring(value)
        var year = 1, month = 1, day = 1, hour = 0, minute = 0, second = 0, pm: Bool? = nil
        var offset = 0
        func failure(_ chunk: String) -> ParseFailure {
            ParseFailure(message: "parsing time \(GoQuote.quote(value)) as \(GoQuote.quote(layout)): cannot parse \(GoQuote.quote(String(rest))) as \(GoQuote.quote(chunk))")
        }
        func number(_ width: Int, fixed: Bool) -> Int? {
            let digits = rest.prefix { $0.isASCII && $0.isNumber }
            if fixed ? digits.count < width : digits.isEmpty { return nil }
            let take = fixed ? width : min(digits.count, width)
            let n = Int(digits.prefix(take))
            rest = rest.dropFirst(take)
            return n
        }
        for (chunk, isToken) in chunks(layout) {
            guard isToken else {
                guard rest.hasPrefix(chunk) else { throw failure(chunk) }
                rest = rest.dropFirst(chunk.count)
                continue
            }
            switch chunk {
            case "2006": guard let n = number(4, fixed: true) else { throw failure(chunk) }; year = n
            case "06": guard let n = number(2, fixed: true) else { throw failure(chunk) }; year = n + (n >= 69 ? 1900 : 2000)
            case "01": guard let n = number(2, fixed: true) else { throw failure(chunk) }; month = n
            case "1": guard let n = number(2, fixed: false) else { throw failure(chunk) }; month = n
            case "02", "_2":
                if chunk == "_2" && rest.hasPrefix(" ") { rest = rest.dropFirst() }
                guard let n = number(2, fixed: chunk == "02") else { throw failure(chunk) }; day = n
            case "2": guard let n = number(2, fixed: false) else { throw failure(chunk) }; day = n
            case "15": guard let n = number(2, fixed: false) else { throw failure(chunk) }; hour = n
            case "03", "3": guard let n = number(2, fixed: chunk == "03") else { throw failure(chunk) }; hour = n
            case "04", "4": guard let n = number(2, fixed: chunk == "04") else { throw failure(chunk) }; minute = n
            case "05", "5": guard let n = number(2, fixed: chunk == "05") else { throw failure(chunk) }; second = n
            case "PM", "pm":
                let word = String(rest.prefix(2)).uppercased()
                guard word == "AM" || word == "PM" else { throw failure(chunk) }
                pm = word == "PM"
                rest = rest.dropFirst(2)
            case "January", "Jan":
                guard let index = months.firstIndex(where: { rest.hasPrefix(chunk == "Jan" ? String($0.prefix(3)) : $0) }) else { throw failure(chunk) }
                rest = rest.dropFirst(chunk == "Jan" ? 3 : months[index].count)
                month = index + 1
            case "Monday", "Mon":
                guard let index = days.firstIndex(where: { rest.hasPrefix(chunk == "Mon" ? String($0.prefix(3)) : $0) }) else { throw failure(chunk) }
                rest = rest.dropFirst(chunk == "Mon" ? 3 : days[index].count)
            case "MST":
                let letters = rest.prefix { $0.isUppercase }
                guard letters.count >= 3 else { throw failure(chunk) }
                rest = rest.dropFirst(letters.count)
            default:
                if chunk.hasPrefix("Z") && rest.hasPrefix("Z") {
                    rest = rest.dropFirst()
                } else if chunk.hasPrefix("Z") || chunk.hasPrefix("-") {
                    guard let sign = rest.first, sign == "+" || sign == "-" else { throw failure(chunk) }
                    rest = rest.dropFirst()
                    guard let h = number(2, fixed: true) else { throw failure(chunk) }
                    if rest.hasPrefix(":") { rest = rest.dropFirst() }
                    let m = number(2, fixed: true) ?? 0
                    offset = (h * 3600 + m * 60) * (sign == "-" ? -1 : 1)
                } else {
                    // Fractional seconds: skip digits.
                    if rest.hasPrefix(".") || rest.hasPrefix(",") {
                        rest = rest.dropFirst()
                        _ = number(9, fixed: false)
                    }
                }
            }
        }
        if !rest.isEmpty {
            throw ParseFailure(message: "parsing time \(GoQuote.quote(value)): extra text: \(GoQuote.quote(String(rest)))")
        }
        if let pm {
            if pm && hour < 12 { hour += 12 }
            if !pm && hour == 12 { hour = 0 }
        }
        guard (1...12).contains(month) else { throw ParseFailure(message: "parsing time \(GoQuote.quote(value)): month out of range") }
        guard (1...31).contains(day) else { throw ParseFailure(message: "parsing time \(GoQuote.quote(value)): day out of range") }
        let seconds = daysFromCivil(year, month, day) * 86400 + Int64(hour * 3600 + minute * 60 + second) - Int64(offset)
        return TimeValue(seconds: seconds)
    }
}
