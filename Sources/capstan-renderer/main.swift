import ArgumentParser
import Templates

/// capstan-renderer: renders fetched revisions into bundles. For now only the `gotemplate` debugging aid.
struct CapstanRenderer: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "capstan-renderer",
        abstract: "Capstan's rendering stage.",
        subcommands: [GoTemplateCommand.self])
}

CapstanRenderer.main()
