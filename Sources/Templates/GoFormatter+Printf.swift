extension GoFormatter {
    /// fmt.Sprintf over template values.
    static func sprintf(_ format: String, _ args: [Value]) -> String {
        if let quick = plainSprintf(format, args) { return quick }
        var f = GoFormatter()
        f.doPrintf(Array(format.utf8), args)
        return f.out
    }

    /// The common chart case on bytes: only flagless `%v`/`%s`/`%q` of strings and `%v`/`%d` of
    /// `int`/`int64`, one argument each, none left over. Anything else (flags, widths, `%%`, other
    /// verbs or types, missing or extra arguments) answers nil and takes the full formatter.
    static func plainSprintf(_ format: String, _ args: [Value]) -> String? {
        let result = format.utf8.withContiguousStorageIfAvailable { f -> [UInt8]? in
            var out: [UInt8] = []
            out.reserveCapacity(f.count + 16 * args.count)
            var next = 0
            var literal = 0
            var i = 0
            while i < f.count {
                guard f[i] == UInt8(ascii: "%") else {
                    i += 1
                    continue
                }
                guard i + 1 < f.count, next < args.count else { return nil }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: f[literal..<i]))
                switch (f[i + 1], args[next]) {
                case (UInt8(ascii: "v"), .string(let text)), (UInt8(ascii: "s"), .string(let text)):
                    out.append(contentsOf: text.utf8)
                case (UInt8(ascii: "q"), .string(let text)):
                    out.append(contentsOf: GoQuote.quote(text).utf8)
                case (UInt8(ascii: "v"), .int(let number, let kind)), (UInt8(ascii: "d"), .int(let number, let kind)):
                    guard kind == .int || kind == .int64 else { return nil }
                    out.append(contentsOf: String(number).utf8)
                default:
                    return nil
                }
                next += 1
                i += 2
                literal = i
            }
            guard next == args.count else { return nil }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: f[literal..<f.count]))
            return out
        }
        guard let result, let bytes = result else { return nil }
        return String(decoding: bytes, as: UTF8.self)
    }

    static func parseNum(_ s: [UInt8], _ start: Int, _ end: Int) -> (num: Int, present: Bool, next: Int) {
        var i = start
        var num = 0
        var present = false
        while i < end, s[i] >= 0x30, s[i] <= 0x39 {
            if num > 1_000_000 { return (0, false, end) }
            num = num * 10 + Int(s[i] - 0x30)
            present = true
            i += 1
        }
        return (num, present, i)
    }

    mutating func doPrintf(_ format: [UInt8], _ a: [Value]) {
        let end = format.count
        var argNum = 0
        var afterIndex = false
        var reordered = false
        var goodArgNum = true
        var i = 0

        func argNumber(_ argNum: Int, _ i: Int) -> (Int, Int, Bool) {
            guard i < end, format[i] == UInt8(ascii: "[") else { return (argNum, i, false) }
            reordered = true
            // parseArgNumber
            guard end - i >= 3 else {
                goodArgNum = false
                return (argNum, i + 1, false)
            }
            var j = i + 1
            while j < end {
                if format[j] == UInt8(ascii: "]") {
                    let (width, ok, newi) = GoFormatter.parseNum(format, i + 1, j)
                    if !ok || newi != j {
                        goodArgNum = false
                        return (argNum, j + 1, false)
                    }
                    let index = width - 1
                    if index >= 0 && index < a.count { return (index, j + 1, true) }
                    goodArgNum = false
                    return (argNum, j + 1, true)
                }
                j += 1
            }
            goodArgNum = false
            return (argNum, i + 1, false)
        }

        func intFromArg(_ argNum: Int) -> (Int, Bool, Int) {
            guard argNum < a.count else { return (0, false, argNum) }
            if case .int(let v, _) = a[argNum], abs(v) <= 1_000_000 { return (Int(v), true, argNum + 1) }
            return (0, false, argNum + 1)
        }

        formatLoop: while i < end {
            goodArgNum = true
            let lasti = i
            while i < end && format[i] != UInt8(ascii: "%") { i += 1 }
            if i > lasti { out += String(decoding: format[lasti..<i], as: UTF8.self) }
            if i >= end { break }
            i += 1
            clearFlags()
            simple: while i < end {
                let c = format[i]
                switch c {
                case UInt8(ascii: "#"): sharp = true
                case UInt8(ascii: "0"): zero = !minus
                case UInt8(ascii: "+"): plus = true
                case UInt8(ascii: "-"):
                    minus = true
                    zero = false
                case UInt8(ascii: " "): space = true
                default:
                    if c >= UInt8(ascii: "a") && c <= UInt8(ascii: "z") && argNum < a.count {
                        if c == UInt8(ascii: "v") {
                            sharpV = sharp
                            sharp = false
                            plusV = plus
                            plus = false
                        }
                        printArg(a[argNum], Unicode.Scalar(c))
                        argNum += 1
                        i += 1
                        continue formatLoop
                    }
                    break simple
                }
                i += 1
            }
            (argNum, i, afterIndex) = argNumber(argNum, i)
            if i < end && format[i] == UInt8(ascii: "*") {
                i += 1
                (wid, widPresent, argNum) = intFromArg(argNum)
                if !widPresent { out += "%!(BADWIDTH)" }
                if wid < 0 {
                    wid = -wid
                    minus = true
                    zero = false
                }
                afterIndex = false
            } else {
                (wid, widPresent, i) = GoFormatter.parseNum(format, i, end)
                if afterIndex && widPresent { goodArgNum = false }
            }
            if i + 1 < end && format[i] == UInt8(ascii: ".") {
                i += 1
                if afterIndex { goodArgNum = false }
                (argNum, i, afterIndex) = argNumber(argNum, i)
                if i < end && format[i] == UInt8(ascii: "*") {
                    i += 1
                    (prec, precPresent, argNum) = intFromArg(argNum)
                    if prec < 0 {
                        prec = 0
                        precPresent = false
                    }
                    if !precPresent { out += "%!(BADPREC)" }
                    afterIndex = false
                } else {
                    (prec, precPresent, i) = GoFormatter.parseNum(format, i, end)
                    if !precPresent {
                        prec = 0
                        precPresent = true
                    }
                }
            }
            if !afterIndex { (argNum, i, afterIndex) = argNumber(argNum, i) }
            if i >= end {
                out += "%!(NOVERB)"
                break
            }
            let (scalar, size) = UTF8Decoding.decode(format, at: i)
            let verb = scalar ?? "\u{FFFD}"
            i += size
            if verb == "%" {
                out += "%"
            } else if !goodArgNum {
                out += "%!"
                out.unicodeScalars.append(verb)
                out += "(BADINDEX)"
            } else if argNum >= a.count {
                out += "%!"
                out.unicodeScalars.append(verb)
                out += "(MISSING)"
            } else {
                if verb == "v" {
                    sharpV = sharp
                    sharp = false
                    plusV = plus
                    plus = false
                }
                printArg(a[argNum], verb)
                argNum += 1
            }
        }
        if !reordered && argNum < a.count {
            clearFlags()
            out += "%!(EXTRA "
            for (k, arg) in a[argNum...].enumerated() {
                if k > 0 { out += ", " }
                if arg.isNilOrMissing {
                    out += "<nil>"
                } else {
                    out += arg.typeName + "="
                    printArg(arg, "v")
                }
            }
            out += ")"
        }
    }
}
