import ArgumentParser
import Renderer
import Templates

/// capstan-renderer: renders fetched revisions into bundles; `build` renders one directory,
/// `gotemplate` executes one Go template (a debugging aid for chart authors and the corpus).
struct CapstanRenderer: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "capstan-renderer",
        abstract: "Capstan's rendering stage.",
        subcommands: [BuildCommand.self, GoTemplateCommand.self])
}

CapstanRenderer.main()
