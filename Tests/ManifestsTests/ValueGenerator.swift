import CapstanCore
import Foundation

/// Deterministic values built from fragments that stress quoting, folding and block scalars.
struct ValueGenerator {
    var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func pick<T>(_ items: [T]) -> T { items[Int(next() % UInt64(items.count))] }

    static let fragments = [
        "word", "longerword", " ", " ", " ", "  ", "\n", "\n", "\n\n", " \n", "\n ", "\t", ":", ": ", " #", "#", "-", "- ",
        "'", "\"", "é", "☃", "😀", "\u{2028}", "\u{FEFF}", "\u{7}", "\r\n", "yes", "on", "1", "0x1F", "1e3",
        "012", "~", "null", "{", "[", "]", ",", "?", "&", "*", "!", "|", ">", "%", "@", "`", "\u{A0}", "x", "abc def",
        "2001-01-01", "1:20", ".5", "+1", "---", "...", "\\",
    ]

    mutating func text() -> String {
        let count = Int(next() % 40)
        var out = ""
        for _ in 0..<count {
            if next() % 3 == 0 {
                out += String(repeating: "a", count: Int(next() % 12) + 1)
            } else {
                out += pick(Self.fragments)
            }
        }
        return out
    }

    mutating func key() -> String {
        switch next() % 6 {
        // Keys mixing digit runs and letters (x1B, x2, x11) make go-yaml's order non-transitive, and
        // kustomize's output order then changes from run to run; the pools avoid such sets.
        case 0: return pick(["a", "A", "_a", "a1", "a10", "a2", "a01", "1", "10", "y", "Y", "n", "yes", "on", "é", "Ω", "a-b", "a.b", "~", "2", "02", "0", "-1", "1.5", "1e3"])
        case 1: return text()
        case 2: return String(repeating: "k", count: 120 + Int(next() % 20))
        default: return pick(["alpha", "beta", "gamma", "x", "x1", "x9", "x10", "x010", "X", "_", "-", "."]) + pick(["", "1", "2", "10", "010", "9"])
        }
    }

    mutating func value(depth: Int) -> JSONValue {
        switch next() % (depth > 2 ? 6 : 9) {
        case 0: return .int(Int64(bitPattern: next()) >> Int64(next() % 64))
        case 1:
            let exponent = Double(Int(next() % 60) - 30)
            return .double(Double(Int64(next() % 2_000_000) - 1_000_000) / 7.0 * pow(10, exponent))
        case 2: return pick([.null, .bool(true), .bool(false), .double(1.0), .double(-0.0), .double(1e21), .double(1e20)])
        case 3, 4, 5: return .string(text())
        case 6:
            return .array((0..<Int(next() % 4)).map { _ in value(depth: depth + 1) })
        default:
            var members: [String: JSONValue] = [:]
            for _ in 0..<Int(next() % 4) { members[key()] = value(depth: depth + 1) }
            return .object(members)
        }
    }
}
