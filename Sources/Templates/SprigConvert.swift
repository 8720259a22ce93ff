import Foundation

/// The conversions Sprig relies on: spf13/cast's ToInt64/ToFloat64 and Sprig's strval.
enum Convert {
    /// Sprig's strval: strings as is, Stringers through String(), the rest through `%v`.
    static func strval(_ v: Value) -> String {
        switch v {
        case .string(let s): return s
        case .object(let o): return o.stringForm ?? GoFormatter.print(v)
        case .missing, .null: return "<nil>"
        default: return GoFormatter.print(v)
        }
    }

    static func trimZeroDecimal(_ s: String) -> String {
        var sawNonZero = false
        let bytes = Array(s.utf8)
        var i = bytes.count - 1
        while i >= 0 {
            let c = bytes[i]
            if c == UInt8(ascii: ".") {
                return sawNonZero ? s : String(decoding: bytes[0..<i], as: UTF8.self)
            }
            if c != UInt8(ascii: "0") { sawNonZero = true }
            i -= 1
        }
        return s
    }

    static func toInt64(_ v: Value) -> Int64 {
        switch v {
        case .int(let i, _): return i
        case .float(let d):
            guard d.isFinite, abs(d) < 9.3e18 else { return Int64.min }
            return Int64(d.rounded(.towardZero))
        case .bool(let b): return b ? 1 : 0
        case .string(let s):
            return GoStrconv.parseInt(trimZeroDecimal(s)) ?? 0
        default: return 0
        }
    }

    static func toFloat64(_ v: Value) -> Double {
        switch v {
        case .int(let i, _): return Double(i)
        case .float(let d): return d
        case .bool(let b): return b ? 1 : 0
        case .string(let s): return GoStrconv.parseFloat(s) ?? Double(s) ?? 0
        default: return 0
        }
    }

    /// Sprig's empty: nil, zero numbers, false, and empty strings, lists and maps.
    static func isEmpty(_ v: Value) -> Bool {
        switch v {
        case .missing, .null: return true
        case .object: return false
        case .function: return false
        default: return !v.truth
        }
    }

    /// reflect.DeepEqual over template values.
    static func deepEqual(_ a: Value, _ b: Value) -> Bool {
        switch (a, b) {
        case (.missing, .missing), (.null, .null), (.missing, .null), (.null, .missing): return true
        case (.bool(let x), .bool(let y)): return x == y
        case (.int(let x, let kx), .int(let y, let ky)): return x == y && kx == ky
        case (.float(let x), .float(let y)): return x == y
        case (.string(let x), .string(let y)): return x == y
        case (.list(let x), .list(let y)):
            return x.elem == y.elem && x.items.count == y.items.count && zip(x.items, y.items).allSatisfy { deepEqual($0, $1) }
        case (.map(let x), .map(let y)):
            if x === y { return true }
            return x.elem == y.elem && x.entries.count == y.entries.count
                && x.entries.allSatisfy { k, v in y.entries[k].map { deepEqual(v, $0) } ?? false }
        case (.object(let x), .object(let y)): return x === y || (x.stringForm != nil && x.stringForm == y.stringForm && x.goTypeName == y.goTypeName)
        default: return false
        }
    }

    /// The items of a slice, or nil for anything else.
    static func items(_ v: Value) -> [Value]? {
        if case .list(let l) = v { return l.items }
        return nil
    }

    static func deepCopy(_ v: Value) -> Value {
        switch v {
        case .list(let l): return .list(ListValue(l.items.map(deepCopy), elem: l.elem))
        case .map(let m): return .map(MapValue(m.entries.mapValues(deepCopy), elem: m.elem))
        default: return v
        }
    }

    static func list(_ items: [Value]) -> Value { .list(ListValue(items)) }
    static func strings(_ items: [String]) -> Value { .list(ListValue(items.map { .string($0) }, elem: "string")) }
}
