import Git
import Testing
import Version

@Suite struct SemverRangeTests {
    @Test(arguments: [
        (">=1.2.0 <2.0.0", "1.2.0", true), (">=1.2.0 <2.0.0", "2.0.0", false), (">=1.2.0 <2.0.0", "1.9.9", true),
        ("~1.4", "1.4.9", true), ("~1.4", "1.5.0", false), ("~1.4.2", "1.4.1", false),
        ("^1.2", "1.9.0", true), ("^1.2", "2.0.0", false), ("^0.2.3", "0.3.0", false), ("^0.2.3", "0.2.9", true),
        ("^0.0.3", "0.0.4", false), ("1.x", "1.7.0", true), ("1.x", "2.0.0", false), ("*", "3.1.4", true),
        ("1.0.0 - 2.0", "2.0.9", true), ("1.0.0 - 2.0", "2.1.0", false), (">1.2", "1.2.9", false), (">1.2", "1.3.0", true),
        ("<=1.2", "1.2.9", true), ("=1.2.3", "1.2.3", true), (">= 1.0.0, < 2.0.0", "1.5.0", true),
        (">=1.0.0", "1.5.0-rc.1", false), (">=1.5.0-0", "1.5.0-rc.1", true), (">=1.0.0 <2.0.0 || >=3.0.0-0", "3.0.0-beta", true),
    ])
    func matches(range: String, version: String, expected: Bool) throws {
        let parsed = try #require(SemverRange(range))
        #expect(parsed.contains(try #require(Version(version))) == expected)
    }

    @Test func highestTagIgnoresNonSemverTagsAndPrefersPlainOverPreRelease() {
        let range = SemverRange(">=1.0.0")!
        #expect(range.highest(of: ["latest", "v1.0.0", "1.1.0", "v1.2", "v2.0.0-rc.1", "release-3"])?.tag == "1.1.0")
        #expect(SemverRange(">=2.0.0-0")!.highest(of: ["v2.0.0-rc.1", "v2.0.0-rc.2", "v2.0.0-beta.9"])?.tag == "v2.0.0-rc.2")
    }
}
