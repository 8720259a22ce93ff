import Foundation

/// Sprig's arithmetic: integer functions through int64, `*f` functions through decimals.
enum SprigMath {
    typealias F = TemplateFunction

    static func i64(_ v: Int64) -> Value { .int(v, .int64) }

    static func register(_ t: inout FunctionTable) {
        t["add1"] = F([.any]) { _, a in i64(Convert.toInt64(a[0]) &+ 1) }
        t["add"] = F([], variadic: .any) { _, a in i64(a.reduce(0) { $0 &+ Convert.toInt64($1) }) }
        t["sub"] = F([.any, .any]) { _, a in i64(Convert.toInt64(a[0]) &- Convert.toInt64(a[1])) }
        t["div"] = F([.any, .any]) { _, a throws(FunctionError) in
            let d = Convert.toInt64(a[1])
            if d == 0 { throw FunctionError("runtime error: integer divide by zero") }
            // Go wraps MinInt64 / -1 instead of trapping.
            return i64(Convert.toInt64(a[0]).dividedReportingOverflow(by: d).partialValue)
        }
        t["mod"] = F([.any, .any]) { _, a throws(FunctionError) in
            let d = Convert.toInt64(a[1])
            if d == 0 { throw FunctionError("runtime error: integer divide by zero") }
            return i64(Convert.toInt64(a[0]).remainderReportingOverflow(dividingBy: d).partialValue)
        }
        t["mul"] = F([.any], variadic: .any) { _, a in i64(a.dropFirst().reduce(Convert.toInt64(a[0])) { $0 &* Convert.toInt64($1) }) }
        t["add1f"] = F([.any]) { _, a in .float(decimalOp(a[0], [.int(1, .int)], +)) }
        t["addf"] = F([], variadic: .any) { _, a in .float(decimalOp(.float(0), a, +)) }
        t["subf"] = F([.any], variadic: .any) { _, a in .float(decimalOp(a[0], Array(a.dropFirst()), -)) }
        t["mulf"] = F([.any], variadic: .any) { _, a in .float(decimalOp(a[0], Array(a.dropFirst()), *)) }
        t["divf"] = F([.any], variadic: .any) { _, a throws(FunctionError) in
            for d in a.dropFirst() where Convert.toFloat64(d) == 0 { throw FunctionError("decimal division by 0") }
            return .float(decimalOp(a[0], Array(a.dropFirst()), /))
        }
        let maxF = F([.any], variadic: .any) { _, a in i64(a.map(Convert.toInt64).max()!) }
        t["max"] = maxF; t["biggest"] = maxF
        t["min"] = F([.any], variadic: .any) { _, a in i64(a.map(Convert.toInt64).min()!) }
        t["maxf"] = F([.any], variadic: .any) { _, a in
            .float(a.dropFirst().reduce(Convert.toFloat64(a[0])) { goMax($0, Convert.toFloat64($1)) })
        }
        t["minf"] = F([.any], variadic: .any) { _, a in
            .float(a.dropFirst().reduce(Convert.toFloat64(a[0])) { goMin($0, Convert.toFloat64($1)) })
        }
        t["ceil"] = F([.any]) { _, a in .float(Convert.toFloat64(a[0]).rounded(.up)) }
        t["floor"] = F([.any]) { _, a in .float(Convert.toFloat64(a[0]).rounded(.down)) }
        t["round"] = F([.any, .int], variadic: .float64) { _, a in
            let roundOn = a.count > 2 ? Convert.toFloat64(a[2]) : 0.5
            let pow = Foundation.pow(10, Convert.toFloat64(a[1]))
            let digit = pow * Convert.toFloat64(a[0])
            let frac = digit - digit.rounded(.towardZero)
            return .float((frac >= roundOn ? digit.rounded(.up) : digit.rounded(.down)) / pow)
        }
        t["toDecimal"] = F([.any]) { _, a in
            let text = GoFormatter.sprint([a[0]])
            guard !text.isEmpty, text.allSatisfy({ ("0"..."7").contains($0) }) || (text.hasPrefix("-") && text.dropFirst().allSatisfy({ ("0"..."7").contains($0) })),
                let v = Int64(text, radix: 8) else { return i64(0) }
            return i64(v)
        }
        t["int64"] = F([.any]) { _, a in i64(Convert.toInt64(a[0])) }
        t["int"] = F([.any]) { _, a in .int(Convert.toInt64(a[0]), .int) }
        t["float64"] = F([.any]) { _, a in .float(Convert.toFloat64(a[0])) }
    }

    static func goMax(_ x: Double, _ y: Double) -> Double {
        if x.isNaN || y.isNaN { return .nan }
        return Swift.max(x, y)
    }

    static func goMin(_ x: Double, _ y: Double) -> Double {
        if x.isNaN || y.isNaN { return .nan }
        return Swift.min(x, y)
    }

    /// shopspring/decimal arithmetic from each float's shortest text, back to float64.
    static func decimalOp(_ first: Value, _ rest: [Value], _ op: (Decimal, Decimal) -> Decimal) -> Double {
        func dec(_ v: Value) -> Decimal {
            let f = Convert.toFloat64(v)
            return Decimal(string: GoFloat.format(f, "f", -1)) ?? Decimal(f)
        }
        var acc = dec(first)
        for v in rest { acc = op(acc, dec(v)) }
        return Double(NSDecimalNumber(decimal: acc).stringValue) ?? NSDecimalNumber(decimal: acc).doubleValue
    }
}
