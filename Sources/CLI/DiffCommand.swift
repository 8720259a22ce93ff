import Applier
import ArgumentParser
import CapstanCore
import Foundation
import Messaging

/// `capstan diff <app>`: what applying the renderer's current bundle would change in the
/// cluster, as a unified diff per object; exit 1 when something would change (like kubectl diff).
public struct DiffCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Show what the app's current bundle would change in the cluster (exit 0: nothing, 1: differences, 2: error).")

    @OptionGroup public var global: GlobalOptions
    @Argument(help: "The app.") public var app: String
    @Option(help: ArgumentHelp("Kubeconfig of the cluster (default: stages.applier.kubeconfig, then KUBECONFIG, ~/.kube/config).", valueName: "file"))
    public var kubeconfig: String?

    public init() {}

    public func run() async throws {
        try await Console.run {
            try await global.withStages { config, clients in
                guard let app = config.app(named: app) else { throw CLIError("no app '\(self.app)' in \(global.configPath)", exitCode: 2) }
                let bundle = try await BundleDownload(clients: clients).current(of: app.name)
                defer { try? FileManager.default.removeItem(atPath: bundle.path) }
                var options = OneShotOptions(app: app.name, kubeconfig: kubeconfig ?? config.stages.applier.kubeconfig,
                                             targetNamespace: app.targetNamespace, serviceAccount: app.serviceAccount, input: bundle.path)
                // The daemon's provenance annotations lag on objects it found unchanged; only content counts here.
                options.masksProvenance = true
                return await OneShot.diff(options) { text in
                    if text.hasPrefix("error: ") { Console.error(String(text.dropFirst(7))) } else { Console.out(text.hasSuffix("\n") ? String(text.dropLast()) : text) }
                }
            }
        }
    }
}
