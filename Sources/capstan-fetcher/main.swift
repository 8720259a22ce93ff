import ArgumentParser
import CapstanCore
import Fetcher
import FetcherStage
import Foundation
import StageRuntime

/// The fetcher stage's command line: `pack` for one shot, `run` for the daemon.
@main
struct CapstanFetcher: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "capstan-fetcher", abstract: "Turns git commits into content-addressed artifacts.",
                                                    subcommands: [Run.self, Pack.self])

    /// The daemon: polls every configured source, publishes revisions, serves requests and webhooks.
    struct Run: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Run the fetcher stage.")
        @OptionGroup var options: StageOptions
        @Option(help: "Sources fetched at once (default: stages.fetcher.concurrency).") var concurrency: Int?

        func run() async throws {
            let config = try CapstanConfig.load(path: options.config)
            let runner = StageRunner(stage: "fetcher", options: options, configuredHTTP: config.stages.fetcher.http)
            let fetcher = FetcherService(config: config, shard: options.shard, concurrency: concurrency, logger: runner.logger, readiness: runner.readiness)
            try await runner.run(services: [fetcher], routes: fetcher.addRoutes)
        }
    }

    /// Fetches and packs one ref, printing the revision as JSON.
    struct Pack: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Fetch a repository, pack one ref, print the revision as JSON.")
        @Argument(help: "Repository URL or local path.") var url: String
        @Option(help: "branch:<name> | tag:<name> | semver:<range> | commit:<sha> | <branch>") var ref = "branch:main"
        @Option(help: "Directory the artifact is stored under (artifacts/sha256/<hex>.tar.gz).") var out = "."
        @Option(help: "Secret directory: username/password, or identity/known_hosts.") var secret: String?
        @Option(help: "Directory keeping the mirror between runs (default: a temporary one).") var mirror: String?
        @Option(help: "Gitignore-syntax pattern to leave out (repeatable).") var ignore: [String] = []
        @Flag(help: "Pack submodules at their paths (fetched from the URLs in .gitmodules).") var includeSubmodules = false

        func run() async throws {
            do {
                let revision = try await PackCommand.run(url: url, ref: ref, out: out, secret: secret, mirror: mirror, ignore: ignore,
                                                            includeSubmodules: includeSubmodules)
                print(revision.json())
            } catch {
                FileHandle.standardError.write(Data("capstan-fetcher pack: \(error)\n".utf8))
                throw ExitCode(1)
            }
        }
    }
}
