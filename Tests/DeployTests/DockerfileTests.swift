import Foundation
import Testing

/// The image compose runs holds what compose asks of it.
@Suite struct DockerfileTests {
    let dockerfile: String

    init() throws {
        dockerfile = try String(contentsOfFile: RepositoryRoot.file("compose/Dockerfile"), encoding: .utf8)
    }

    @Test func imageBuildsEveryExecutableComposeRuns() throws {
        let compose = try RepositoryFiles.document("compose/docker-compose.yml")
        let builtLines = dockerfile.split(separator: "\n").filter { $0.contains("for product in") }
        #expect(builtLines.count == 2, "the build loop and the copy loop")
        for line in builtLines {
            for executable in ["capstan-fetcher", "capstan-renderer", "capstan-applier", "capstan-kubesim"] {
                let used = compose["services"]?.objectValue?.values.contains { $0["command"]?.arrayValue?.first?.stringValue == executable } ?? false
                #expect(used, "compose never runs \(executable)")
                #expect(line.contains(" \(executable) ") || line.contains(" \(executable);"), "the image does not build \(executable)")
            }
            #expect(line.contains(" capstan "), "the image does not build the capstan CLI")
        }
    }

    @Test func runtimeImageIsNonRootWithOnlyTheRuntimeLibrariesAndAHealthCheck() throws {
        let runtime = try #require(dockerfile.components(separatedBy: "AS runtime").last)
        for package in ["libgit2-1.5", "libyaml-0-2", "libcurl4", "libzmq5", "ca-certificates"] {
            #expect(runtime.contains(package), "the runtime image lacks \(package)")
        }
        for absent in [" git ", " curl ", "-dev"] { #expect(!runtime.contains(absent), "the runtime image installs \(absent)") }
        #expect(runtime.contains("USER 10001:10001"))
        #expect(runtime.contains("HEALTHCHECK") && runtime.contains("capstan-healthcheck"))
        #expect(FileManager.default.isExecutableFile(atPath: RepositoryRoot.file("compose/capstan-healthcheck")))
    }
}
