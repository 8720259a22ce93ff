import ArgumentParser
import CLI

/// The `capstan` command: operator tools around the three stages.
@main
struct Capstan: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "capstan",
        abstract: "GitOps for Kubernetes: operator commands.",
        subcommands: [KeygenCommand.self])
}
