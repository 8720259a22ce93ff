/// text/template's eq/lt/le with Go's basic-kind rules: no conversion between int, float and string.
enum Comparison {
    enum Kind { case invalid, bool, int, uint, float, complex, string }

    static func kind(_ v: Value) -> Kind {
        switch v {
        case .bool: return .bool
        case .int(_, let k): return k.isUnsigned ? .uint : .int
        case .float: return .float
        case .complex: return .complex
        case .string: return .string
        default: return .invalid
        }
    }

    static let badType = FunctionError("invalid type for comparison")
    static let incompatible = FunctionError("incompatible types for comparison")

    static func intOf(_ v: Value) -> Int64 {
        if case .int(let i, _) = v { return i }
        return 0
    }

    static func uintOf(_ v: Value) -> UInt64 {
        if case .int(let i, _) = v { return UInt64(bitPattern: i) }
        return 0
    }

    static func eq(_ a1: Value, _ rest: [Value]) throws(FunctionError) -> Bool {
        let arg1 = a1.concrete
        guard !rest.isEmpty else { throw FunctionError("missing argument for comparison") }
        let k1 = kind(arg1)
        for a in rest {
            let arg = a.concrete
            let k2 = kind(arg)
            var truth = false
            if k1 != k2 {
                switch (k1, k2) {
                case (.int, .uint): truth = intOf(arg1) >= 0 && UInt64(intOf(arg1)) == uintOf(arg)
                case (.uint, .int): truth = intOf(arg) >= 0 && uintOf(arg1) == UInt64(intOf(arg))
                default:
                    if !arg1.isNilOrMissing && !arg.isNilOrMissing { throw incompatible }
                }
            } else {
                switch (arg1, arg) {
                case (.bool(let x), .bool(let y)): truth = x == y
                case (.complex(let r1, let i1), .complex(let r2, let i2)): truth = r1 == r2 && i1 == i2
                case (.float(let x), .float(let y)): truth = x == y
                case (.int, .int): truth = k1 == .uint ? uintOf(arg1) == uintOf(arg) : intOf(arg1) == intOf(arg)
                case (.string(let x), .string(let y)): truth = x == y
                default:
                    truth = try eqOther(arg1, arg)
                }
            }
            if truth { return true }
        }
        return false
    }

    static func categoryName(_ v: Value) -> Int {
        switch v {
        case .missing, .null: return 0
        case .list: return 1
        case .map: return 2
        case .object: return 3
        case .function: return 4
        default: return 5
        }
    }

    static func eqOther(_ arg1: Value, _ arg: Value) throws(FunctionError) -> Bool {
        let c1 = categoryName(arg1), c2 = categoryName(arg)
        if c1 != c2 && c1 != 0 && c2 != 0 {
            throw FunctionError("non-comparable types \(GoFormatter.sprintf("%s", [arg1])): \(arg1.typeName), \(arg.typeName): \(GoFormatter.print(arg))")
        }
        if arg1.isNilOrMissing || arg.isNilOrMissing { return arg1.isNilOrMissing == arg.isNilOrMissing }
        switch arg {
        case .list, .map, .function:
            throw FunctionError("non-comparable type \(GoFormatter.sprintf("%s", [arg])): \(arg.typeName)")
        case .object(let o2):
            if case .object(let o1) = arg1 { return o1 === o2 }
            return false
        default:
            return false
        }
    }

    static func lt(_ a1: Value, _ a2: Value) throws(FunctionError) -> Bool {
        let arg1 = a1.concrete, arg2 = a2.concrete
        let k1 = kind(arg1)
        if k1 == .invalid { throw badType }
        let k2 = kind(arg2)
        if k2 == .invalid { throw badType }
        if k1 != k2 {
            switch (k1, k2) {
            case (.int, .uint): return intOf(arg1) < 0 || UInt64(intOf(arg1)) < uintOf(arg2)
            case (.uint, .int): return intOf(arg2) >= 0 && uintOf(arg1) < UInt64(intOf(arg2))
            default: throw incompatible
            }
        }
        switch (arg1, arg2) {
        case (.bool, _), (.complex, _): throw badType
        case (.float(let x), .float(let y)): return x < y
        case (.int, .int): return k1 == .uint ? uintOf(arg1) < uintOf(arg2) : intOf(arg1) < intOf(arg2)
        case (.string(let x), .string(let y)): return goLess(x, y)
        default: throw badType
        }
    }

    static func le(_ a1: Value, _ a2: Value) throws(FunctionError) -> Bool {
        if try lt(a1, a2) { return true }
        return try eq(a1, [a2])
    }
}
