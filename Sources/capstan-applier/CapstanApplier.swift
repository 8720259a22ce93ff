import Applier
import ApplierStage
import ArgumentParser
import CapstanCore
import StageRuntime

/// capstan-applier: the `run` daemon, and one-shot `apply` and `diff` of a bundle file.
@main struct CapstanApplier: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "capstan-applier", abstract: "Reconciles the cluster with each rendered bundle.", subcommands: [Run.self, Apply.self, Diff.self])

    /// The daemon: subscribes to the renderers' bundles, reconciles, heals drift, publishes status.
    struct Run: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Run the applier stage.")
        @OptionGroup var options: StageOptions

        func run() async throws {
            let config = try CapstanConfig.load(path: options.config)
            let runner = StageRunner(stage: "applier", options: options, configuredHTTP: config.stages.applier.http)
            let applier = ApplierService(config: config, shard: options.shard, logger: runner.logger, readiness: runner.readiness)
            try await runner.run(services: [applier])
        }
    }

    struct Shared: ParsableArguments {
        @Option var app: String
        @Option var kubeconfig: String?
        @Option(name: .customLong("target-namespace")) var targetNamespace: String?
        @Option(name: .customLong("service-account"), help: "<namespace>/<name>: impersonate this service account (RBAC limits the app)")
        var serviceAccount: String?
        @Option(help: "client-side requests per second") var qps: Double = 1000
        @Option(help: "requests allowed at once before --qps applies") var burst: Int = 1000
        @Argument(help: "bundle file, or - for standard input") var input: String
        var options: OneShotOptions {
            var options = OneShotOptions(
                app: app, kubeconfig: kubeconfig, targetNamespace: targetNamespace, serviceAccount: serviceAccount, input: input)
            options.qps = qps
            options.burst = burst
            return options
        }
    }

    struct Apply: AsyncParsableCommand {
        @OptionGroup var shared: Shared
        @Flag var prune = false
        @Flag var wait = false
        @Option(transform: { try Interval.parse($0) }) var timeout: Interval = .minutes(5)
        func run() async throws {
            let status = await OneShot.apply(shared.options, prune: prune, wait: wait, timeout: timeout) { print($0) }
            if status != 0 { throw ExitCode(status) }
        }
    }

    struct Diff: AsyncParsableCommand {
        @OptionGroup var shared: Shared
        func run() async throws {
            let status = await OneShot.diff(shared.options) { print($0, terminator: $0.hasSuffix("\n") ? "" : "\n") }
            if status != 0 { throw ExitCode(status) }
        }
    }
}
