import CapstanCore
import Testing

@Suite struct ShardTests {
    @Test func parsesIndexOverCount() {
        #expect(Shard("1/3") == Shard(index: 1, count: 3))
        for bad in ["3/3", "-1/2", "1", "a/b", "1/0", "1/2/3", ""] { #expect(Shard(bad) == nil, "\(bad)") }
        #expect(Shard(index: 2, count: 5).description == "2/5")
    }

    @Test func hashesNamesWithFNV1a64() {
        // Reference values of the 64-bit FNV-1a test suite.
        #expect(Shard.fnv1a64("") == 0xcbf2_9ce4_8422_2325)
        #expect(Shard.fnv1a64("a") == 0xaf63_dc4c_8601_ec8c)
        #expect(Shard.fnv1a64("foobar") == 0x8594_4171_f739_67e8)
    }

    @Test func everyNameHasExactlyOneOwner() {
        let names = (0..<200).map { "app-\($0)" }
        for count in 1...5 {
            let shards = (0..<count).map { Shard(index: $0, count: count) }
            for name in names { #expect(shards.filter { $0.owns(name) }.count == 1) }
            if count > 1 { #expect(shards.allSatisfy { shard in names.contains { shard.owns($0) } }) }
        }
        #expect(Shard.all.owns("anything"))
    }
}
