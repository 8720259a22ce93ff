import FetcherTesting
import Foundation
import Git
import Testing

@Suite struct RefResolutionTests {
    /// A repository with commits tagged v1.0.0, v1.2.0, v1.4.1, v2.0.0-rc.1 (annotated and lightweight mixed).
    static func tagged() throws -> (GitFixture, [String: String]) {
        let fixture = try GitFixture()
        var commits: [String: String] = [:]
        for (index, tag) in ["v1.0.0", "v1.2.0", "v1.4.1", "v2.0.0-rc.1"].enumerated() {
            commits[tag] = try fixture.commit("release \(tag)", files: ["version": tag])
            try fixture.tag(tag, annotated: index % 2 == 0)
        }
        try fixture.git("branch", "release")
        commits["main"] = try fixture.commit("after releases", files: ["version": "dev"])
        return (fixture, commits)
    }

    static func resolve(_ fixture: GitFixture, _ selectors: [RefSelector]) async throws -> [Result<ResolvedRef, GitError>] {
        let mirror = fixture.root("mirror.git")
        let url = fixture.path
        return try await GitWorker(name: "test").perform {
            let repository = try Repository.openOrCreateBare(at: mirror)
            _ = try repository.fetch(from: url, options: FetchOptions())
            return selectors.map { selector in Result { () throws(GitError) in try repository.resolve(selector) } }
        }
    }

    @Test func resolvesBranchesTagsAndPinnedCommits() async throws {
        let (fixture, commits) = try Self.tagged()
        defer { fixture.remove() }
        let results = try await Self.resolve(fixture, [.branch("main"), .branch("release"), .tag("v1.0.0"), .tag("v1.2.0"),
                                                       .commit(commits["v1.2.0"]!), .commit(String(commits["v1.0.0"]!.prefix(10)))])
        let resolved = try results.map { try $0.get() }
        #expect(resolved[0] == ResolvedRef(name: "main", commit: ObjectID(hex: commits["main"]!)!))
        #expect(resolved[1].commit.hex == commits["v2.0.0-rc.1"])
        #expect(resolved[2] == ResolvedRef(name: "v1.0.0", commit: ObjectID(hex: commits["v1.0.0"]!)!), "annotated tag peeled to its commit")
        #expect(resolved[3].commit.hex == commits["v1.2.0"], "lightweight tag")
        #expect(resolved[4] == ResolvedRef(name: "", commit: ObjectID(hex: commits["v1.2.0"]!)!))
        #expect(resolved[5].commit.hex == commits["v1.0.0"])
    }

    @Test func semverPicksTheHighestMatchingTagAndPreReleasesOnlyWhenAsked() async throws {
        let (fixture, _) = try Self.tagged()
        defer { fixture.remove() }
        let ranges = [">=1.0.0", ">=1.2.0 <2.0.0", "~1.2", "^1.2", "<1.2.0", ">=2.0.0-0", "~1.4 || >=3", "1.x"]
        let results = try await Self.resolve(fixture, ranges.map(RefSelector.semver))
        #expect(try results.map { try $0.get().name } == ["v1.4.1", "v1.4.1", "v1.2.0", "v1.4.1", "v1.0.0", "v2.0.0-rc.1", "v1.4.1", "v1.4.1"])
    }

    @Test func missingRefsAreClearErrors() async throws {
        let (fixture, _) = try Self.tagged()
        defer { fixture.remove() }
        let results = try await Self.resolve(fixture, [.branch("nope"), .tag("v9"), .semver(">=5.0.0"), .semver("not a range"),
                                                       .commit(String(repeating: "ab", count: 20))])
        let messages = results.map { result -> String in
            if case .failure(let error) = result { return error.message }
            return "resolved"
        }
        #expect(messages[0] == "branch 'nope' does not exist on the remote")
        #expect(messages[1] == "tag 'v9' does not exist on the remote")
        #expect(messages[2] == "no tag matches the SemVer range '>=5.0.0'")
        #expect(messages[3].contains("is not a SemVer range"))
        #expect(messages[4].contains("is not reachable from any branch or tag"))
        #expect(results.allSatisfy { if case .failure(let error) = $0 { error.kind == .notFound } else { false } })
    }

    @Test func followsATagMovedOnTheRemote() async throws {
        let fixture = try GitFixture()
        defer { fixture.remove() }
        let first = try fixture.commit("one", files: ["a": "1"])
        try fixture.tag("v1.0.0")
        let before = try await Self.resolve(fixture, [.tag("v1.0.0")])
        #expect(try before[0].get().commit.hex == first)
        let second = try fixture.commit("two", files: ["a": "2"])
        try fixture.tag("v1.0.0", force: true)
        let after = try await Self.resolve(fixture, [.tag("v1.0.0")])
        #expect(try after[0].get().commit.hex == second)
    }
}
