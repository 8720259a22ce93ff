/// A YAML timestamp in one of the layouts go-yaml accepts (`2006-1-2`, `2006-1-2T15:4:5.999999999Z07:00`,
/// `2006-1-2t…`, `2006-1-2 15:4:5.999999999`), kept as fields so it can be printed as Go's RFC 3339.
struct GoTimestamp: Equatable {
    var year, month, day, hour, minute, second: Int
    var fraction: [UInt8]
    /// Offset from UTC in minutes.
    var offset: Int

    /// Go's `time.Time.Format(time.RFC3339Nano)`.
    var rfc3339Nano: String {
        func pad(_ value: Int, _ width: Int) -> String {
            let text = String(value)
            return String(repeating: "0", count: max(0, width - text.count)) + text
        }
        var out = "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))T\(pad(hour, 2)):\(pad(minute, 2)):\(pad(second, 2))"
        var digits = Array(fraction.prefix(9))
        while let last = digits.last, last == UInt8(ascii: "0") { digits.removeLast() }
        if !digits.isEmpty { out += "." + String(decoding: digits, as: UTF8.self) }
        if offset == 0 { return out + "Z" }
        let sign = offset < 0 ? "-" : "+"
        return out + "\(sign)\(pad(abs(offset) / 60, 2)):\(pad(abs(offset) % 60, 2))"
    }

    static func parse(_ bytes: [UInt8]) -> GoTimestamp? {
        var reader = Reader(bytes: bytes)
        guard let year = reader.number(min: 4, max: 4), reader.take(UInt8(ascii: "-")),
            let month = reader.number(min: 1, max: 2), reader.take(UInt8(ascii: "-")),
            let day = reader.number(min: 1, max: 2), (1...12).contains(month),
            day >= 1, day <= daysIn(month: month, year: year)
        else { return nil }
        var stamp = GoTimestamp(year: year, month: month, day: day, hour: 0, minute: 0, second: 0, fraction: [], offset: 0)
        if reader.atEnd { return stamp }
        guard let separator = reader.next(), [UInt8(ascii: "T"), UInt8(ascii: "t"), UInt8(ascii: " ")].contains(separator),
            let hour = reader.number(min: 1, max: 2), hour < 24, reader.take(UInt8(ascii: ":")),
            let minute = reader.number(min: 1, max: 2), minute < 60, reader.take(UInt8(ascii: ":")),
            let second = reader.number(min: 1, max: 2), second < 60
        else { return nil }
        stamp.hour = hour
        stamp.minute = minute
        stamp.second = second
        if reader.peek == UInt8(ascii: "."), reader.peekDigit(at: 1) {
            _ = reader.next()
            stamp.fraction = reader.digits()
        }
        if separator == UInt8(ascii: " ") { return reader.atEnd ? stamp : nil }
        guard let offset = reader.zone(), reader.atEnd else { return nil }
        stamp.offset = offset
        return stamp
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    struct Reader {
        let bytes: [UInt8]
        var index = 0
        var atEnd: Bool { index == bytes.count }
        var peek: UInt8? { index < bytes.count ? bytes[index] : nil }

        func peekDigit(at offset: Int) -> Bool {
            index + offset < bytes.count && ScalarResolver.isDigit(bytes[index + offset])
        }

        mutating func next() -> UInt8? {
            guard index < bytes.count else { return nil }
            index += 1
            return bytes[index - 1]
        }

        mutating func take(_ byte: UInt8) -> Bool {
            guard peek == byte else { return false }
            index += 1
            return true
        }

        mutating func number(min: Int, max: Int) -> Int? {
            var value = 0
            var count = 0
            while count < max, peekDigit(at: 0) {
                value = value * 10 + Int(bytes[index] - 0x30)
                index += 1
                count += 1
            }
            return count >= min ? value : nil
        }

        mutating func digits() -> [UInt8] {
            let start = index
            while peekDigit(at: 0) { index += 1 }
            return Array(bytes[start..<index])
        }

        mutating func zone() -> Int? {
            if take(UInt8(ascii: "Z")) { return 0 }
            guard let sign = next(), sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-"),
                let hours = number(min: 2, max: 2), take(UInt8(ascii: ":")), let minutes = number(min: 2, max: 2),
                hours <= 24, minutes < 60
            else { return nil }
            let total = hours * 60 + minutes
            return sign == UInt8(ascii: "-") ? -total : total
        }
    }
}
