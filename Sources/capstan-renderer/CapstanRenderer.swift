import ArgumentParser
import Renderer
import Templates

/// capstan-renderer: `run` is the stage daemon; `build` renders one directory, `gotemplate`
/// executes one Go template (a debugging aid for chart authors and the corpus).
@main
struct CapstanRenderer: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "capstan-renderer",
        abstract: "Capstan's rendering stage.",
        subcommands: [RunCommand.self, BuildCommand.self, GoTemplateCommand.self])
}
