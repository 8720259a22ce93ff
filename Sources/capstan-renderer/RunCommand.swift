import ArgumentParser
import CapstanCore
import RendererStage
import StageRuntime

/// The daemon: renders every revision the fetchers publish into bundles, serves them and their status.
struct RunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "run", abstract: "Run the renderer stage.")
    @OptionGroup var options: StageOptions
    @Option(help: "Apps rendered at once (default: stages.renderer.concurrency).") var concurrency: Int?

    func run() async throws {
        let config = try CapstanConfig.load(path: options.config)
        let runner = StageRunner(stage: "renderer", options: options, configuredHTTP: config.stages.renderer.http)
        let renderer = try RendererService(config: config, shard: options.shard, concurrency: concurrency,
                                           logger: runner.logger, readiness: runner.readiness)
        try await runner.run(services: [renderer])
    }
}
