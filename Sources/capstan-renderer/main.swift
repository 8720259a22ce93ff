import ArgumentParser
import Renderer

/// capstan-renderer: renders fetched revisions into bundles; `build` renders one directory.
struct CapstanRenderer: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "capstan-renderer",
        abstract: "Capstan's rendering stage.",
        subcommands: [BuildCommand.self])
}

CapstanRenderer.main()
