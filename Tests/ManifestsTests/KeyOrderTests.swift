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
}
