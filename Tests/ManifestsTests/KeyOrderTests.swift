import CapstanCore
import Testing

@testable import Manifests

/// go-yaml's natural key order, and a fixed answer where that order is not total.
@Suite struct KeyOrderTests {
    @Test func keysSortLikeGoYAML() {
        let keys = ["zeta", "a10", "alpha", "a9", "Alpha", "_under", "a-b", "a.b", "a~b"]
        let members = Dictionary(uniqueKeysWithValues: keys.map { ($0, JSONValue.null) })
        #expect(GoKeyOrder.sortedMembers(members).map(\.key) == ["_under", "Alpha", "a-b", "a.b", "a~b", "a9", "a10", "alpha", "zeta"])
    }

    @Test func nonTransitiveKeySetsAlwaysGiveTheSameOutput() {
        let keys = ["x1B", "x2", "x11", "x1", "x10a", "1e3", "2", "10", "a"]
        var outputs = Set<String>()
        for rotation in 0..<keys.count {
            var members: [String: JSONValue] = [:]
            members.reserveCapacity(rotation * 7)
            for key in keys[rotation...] + keys[..<rotation] { members[key] = .int(1) }
            outputs.insert(YAMLWriter.write(.object(members)))
        }
        #expect(outputs.count == 1)
    }

    static let mixedKeys = [
        "", "a", "A", "_", "a1", "a01", "a001", "a10", "a010", "a2", "a2b", "a2_", "a20x", "x1B", "x2", "x11", "x1",
        "key00", "key01", "key19", "port0", "0", "00", "007", "10", "9", "-1", "a-b", "a.b", "a~b", "ab", "aB",
        "é", "aé", "a١٢", "a12", "Zz", "zZ", "z9z", "z10z", "1e3", "a0b", "a00b",
    ]

    @Test func byteFastPathAgreesWithTheScalarRule() {
        for v3 in [false, true] {
            for lhs in Self.mixedKeys {
                for rhs in Self.mixedKeys {
                    #expect(GoKeyOrder.less(fast: lhs, rhs, v3: v3) == GoKeyOrder.less(lhs, rhs, v3: v3), "\(lhs) < \(rhs) v3=\(v3)")
                }
            }
        }
    }

    @Test func skippingTheSecondSortNeverChangesTheOrder() {
        // The reference: byte order, then a stable sort by go-yaml's rule, always done.
        for size in [2, 3, 5, 8, 13, 21, Self.mixedKeys.count] {
            for start in stride(from: 0, to: Self.mixedKeys.count, by: 3) {
                let keys = (0..<size).map { Self.mixedKeys[(start + $0 * 7) % Self.mixedKeys.count] }
                let members = Dictionary(keys.map { ($0, JSONValue.null) }, uniquingKeysWith: { a, _ in a })
                for v3 in [false, true] {
                    let reference = members.sorted { JSONValue.utf8Less($0.key, $1.key) }
                        .sorted { GoKeyOrder.less($0.key, $1.key, v3: v3) }.map(\.key)
                    #expect(GoKeyOrder.sortedMembers(members, v3: v3).map(\.key) == reference)
                }
            }
        }
    }
}
