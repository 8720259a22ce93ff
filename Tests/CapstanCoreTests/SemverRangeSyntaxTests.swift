import CapstanCore
import Testing

@Suite struct SemverRangeSyntaxTests {
    @Test(arguments: [">=1.0.0 <2.0.0", "~1.4", "^2", "1.2.x", "*", ">= 1.2, < 1.5", "1.2 - 1.4.5", "v1.2.3-rc.1+build.5", "~1 || ^3.1", "!=1.3.0", "=1.0.0"])
    func acceptsMastermindsRanges(_ range: String) {
        #expect(SemverRangeSyntax.problem(in: range) == nil)
    }

    @Test(arguments: [
        ("", "a constraint is empty"), (">=1.x.y.z", "\"1.x.y.z\" is not a version like 1, 1.2, 1.2.3 or 1.2.x"),
        ("=>>1", "unknown operator \"=>>\""), ("1.0 ||", "a constraint is empty"), (">=", "operator \">=\" has no version after it"),
        ("1.0.0-", "\"1.0.0-\" has a bad pre-release"), ("latest", "\"latest\" is not a version like 1, 1.2, 1.2.3 or 1.2.x"),
    ])
    func explainsBadRanges(_ range: String, _ problem: String) {
        #expect(SemverRangeSyntax.problem(in: range) == problem)
    }
}
