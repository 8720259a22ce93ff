@testable import Fetcher
import Testing

@Suite struct IgnoreMatcherTests {
    @Test(arguments: [
        ("*.md", "README.md", true), ("*.md", "docs/guide.md", true), ("*.md", "md/x.yaml", false),
        ("docs/", "docs/", true), ("docs/", "docs", false), ("docs/", "apps/docs/", true),
        ("/docs", "docs/", true), ("/docs", "apps/docs/", false), ("apps/*/test", "apps/web/test", true),
        ("apps/*/test", "apps/web/x/test", false), ("apps/**/test", "apps/web/x/test", true), ("**/secret", "a/b/secret", true),
        ("**/secret", "secret", true), ("build/**", "build/x/y", true), ("file[0-9].txt", "file7.txt", true),
        ("file[!0-9].txt", "file7.txt", false), ("?.yaml", "a.yaml", true), ("?.yaml", "ab.yaml", false),
        ("\\#notes", "#notes", true), ("# comment", "# comment", false), ("a b ", "a b", true),
    ])
    func matchesLikeGitignore(pattern: String, path: String, ignored: Bool) {
        #expect(IgnoreMatcher([pattern]).ignores(path) == ignored)
    }

    @Test func lastMatchWinsAndNegationReincludes() {
        let matcher = IgnoreMatcher(["*.yaml", "!keep.yaml", "docs/"])
        #expect(matcher.ignores("x.yaml"))
        #expect(!matcher.ignores("keep.yaml"))
        #expect(!matcher.ignores("apps/keep.yaml"))
        #expect(matcher.ignores("docs/"))
        #expect(!matcher.ignores("x.json"))
    }
}
