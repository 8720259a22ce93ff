/// Sprig's random and clock functions, made deterministic: a render must give the same bytes every
/// time (GitOps compares them), so "random" values come from a generator seeded per execution and
/// `now` is the Unix epoch.
enum SprigRandom {
    typealias F = TemplateFunction

    static let alpha = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".unicodeScalars)
    static let digits = Array("0123456789".unicodeScalars)
    static let ascii = (32...126).map { Unicode.Scalar(UInt8($0)) }

    static func pick(_ executor: Executor, _ count: Value, _ from: [Unicode.Scalar]) -> Value {
        let n = min(max(Int(Convert.toInt64(count)), 0), RenderLimits.maxBytes)
        var out = String.UnicodeScalarView()
        for _ in 0..<n { out.append(from[Int(executor.nextRandom() % UInt64(from.count))]) }
        return .string(String(out))
    }

    static func register(_ t: inout FunctionTable) {
        t["randAlphaNum"] = F([.int]) { e, a in pick(e, a[0], alpha + digits) }
        t["randAlpha"] = F([.int]) { e, a in pick(e, a[0], alpha) }
        t["randNumeric"] = F([.int]) { e, a in pick(e, a[0], digits) }
        t["randAscii"] = F([.int]) { e, a in pick(e, a[0], ascii) }
        t["randBytes"] = F([.int]) { e, a in
            let bytes = (0..<min(max(Int(Convert.toInt64(a[0])), 0), RenderLimits.maxBytes)).map { _ in UInt8(truncatingIfNeeded: e.nextRandom()) }
            return .string(SprigEncoding.base64(bytes))
        }
        t["randInt"] = F([.int, .int]) { e, a throws(FunctionError) in
            let lo = Convert.toInt64(a[0]), hi = Convert.toInt64(a[1])
            guard hi - lo > 0 else { throw FunctionError("invalid argument to Intn") }
            return .int(lo + Int64(e.nextRandom() % UInt64(hi - lo)), .int)
        }
        t["uuidv4"] = F([]) { e, _ in
            var bytes = (0..<16).map { _ in UInt8(truncatingIfNeeded: e.nextRandom()) }
            bytes[6] = bytes[6] & 0x0F | 0x40
            bytes[8] = bytes[8] & 0x3F | 0x80
            let hex = bytes.map { GoQuote.hex2($0) }
            return .string([hex[0..<4], hex[4..<6], hex[6..<8], hex[8..<10], hex[10..<16]].map { $0.joined() }.joined(separator: "-"))
        }
        t["shuffle"] = F([.string]) { e, a in
            var scalars = Array(SprigStrings.s(a[0]).unicodeScalars)
            if scalars.count > 1 {
                for i in stride(from: scalars.count - 1, to: 0, by: -1) {
                    scalars.swapAt(i, Int(e.nextRandom() % UInt64(i + 1)))
                }
            }
            return .string(String(String.UnicodeScalarView(scalars)))
        }
        t["now"] = F([]) { _, _ in .object(TimeValue(seconds: 0)) }
        t["ago"] = F([.any]) { _, a in
            let since = -SprigDates.time(a[0]).seconds
            return .string(GoTime.durationString(since &* 1_000_000_000))
        }
    }
}

extension Executor {
    /// SplitMix64 over the execution's seed.
    func nextRandom() -> UInt64 {
        randomState &+= 0x9E37_79B9_7F4A_7C15
        var z = randomState
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
