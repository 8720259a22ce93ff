import ArgumentParser
import Logging
import Metrics
import ServiceLifecycle
import StageRuntime

/// A stage with no work of its own: it runs StageRunner exactly as the real stages do, so tests (and
/// `scripts/run-local`, before any stage exists) exercise logging, HTTP endpoints and shutdown alone.
@main
struct RuntimeProbe: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "capstan-runtime-probe",
        abstract: "Runs the shared stage runtime with an idle service (for tests and demos).",
        subcommands: [Run.self]
    )

    struct Run: AsyncParsableCommand {
        @OptionGroup var options: StageOptions
        @Option(help: "The stage name its log lines carry.") var stage = "probe"
        @Flag(help: "Make the idle service fail once started (exit code test).") var fail = false

        func run() async throws {
            let runner = StageRunner(stage: stage, options: options)
            try await runner.run(services: [IdleWork(logger: runner.logger, readiness: runner.readiness, fail: fail)])
        }
    }
}

/// Becomes ready, counts one tick, then waits for shutdown (or fails when asked to).
struct IdleWork: Service {
    struct Failure: Error, CustomStringConvertible {
        var description: String { "probe failure requested with --fail (https://probe:hunter2@example.com)" }
    }

    let logger: Logger
    let readiness: Readiness
    let fail: Bool

    func run() async throws {
        readiness.register("work")
        Counter(label: "capstan_probe_ticks_total").increment()
        readiness.markReady("work")
        logger.info("work started")
        if fail { throw Failure() }
        try? await gracefulShutdown()
        logger.info("work stopped")
    }
}
