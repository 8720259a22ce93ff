import ArgumentParser
import CLI

/// The `capstan` command: operator tools around the three stages.
@main
struct Capstan: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "capstan",
        abstract: "GitOps for Kubernetes: operator commands.",
        discussion: "Stage endpoints come from the config's `stages` section (--config, $CAPSTAN_CONFIG, or ./capstan.yaml).",
        subcommands: [StatusCommand.self, RevisionsCommand.self, ReconcileCommand.self, DiffCommand.self,
                      SuspendCommand.self, ResumeCommand.self, EventsCommand.self, KeygenCommand.self])

    static func main() async {
        await main(GlobalArguments.reorder(Array(CommandLine.arguments.dropFirst())))
    }
}
