import ArgumentParser
import CapstanCore
import Foundation
import Messaging
import ZeroMQ

/// The options every stage-facing command shares: which config names the stages, the operator's
/// CURVE key, and how long to wait for a stage.
public struct GlobalOptions: ParsableArguments, Sendable {
    @Option(help: ArgumentHelp("The Capstan config file whose `stages` section names the endpoints (default: $CAPSTAN_CONFIG or capstan.yaml).", valueName: "file"))
    public var config: String?

    @Option(help: ArgumentHelp("Your CURVE secret key file (from `capstan keygen`), when the stages use CURVE.", valueName: "file"))
    public var key: String?

    @Option(name: .customLong("endpoint"), help: ArgumentHelp(
        "A stage instance to ask instead of the config's, as <stage>=<pub>,<router> (repeatable, in shard order).",
        valueName: "stage=pub,router"))
    public var endpoints: [String] = []

    @Option(name: .customLong("request-timeout"), help: ArgumentHelp("Seconds to wait for each stage's answer.", valueName: "seconds"))
    public var requestTimeout: Double = 2

    public init() {}

    /// The config file path in use.
    public var configPath: String {
        config ?? ProcessInfo.processInfo.environment["CAPSTAN_CONFIG"] ?? "capstan.yaml"
    }

    /// Loads the config; a bad one is a clear error naming the file and line.
    public func loadConfig() throws -> CapstanConfig {
        do {
            return try CapstanConfig.load(path: configPath)
        } catch {
            throw CLIError("\(error)", hint: config == nil ? "pass --config <file> or set CAPSTAN_CONFIG" : nil)
        }
    }

    /// Connects to every configured stage instance.
    public func connect(_ config: CapstanConfig) async throws -> StageClients {
        var endpoints = try StageEndpoints(config: config)
        try endpoints.override(with: self.endpoints)
        let security: TransportSecurity = switch key {
        case .some(let path): .curve(CurveSecurity(keyPair: try KeyFiles.readKeyPair(secretKeyPath: path), allowedClientKeys: []))
        case .none: .loopback
        }
        let milliseconds = Int((max(requestTimeout, 0.05) * 1000).rounded())
        return try await StageClients.connect(endpoints, security: security, policy: RetryPolicy(timeout: .milliseconds(milliseconds), attempts: 2))
    }
}
