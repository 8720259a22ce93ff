/// Lets the shared options come before the subcommand (`capstan --config f status`), as the
/// docs write them: moves them after the subcommand's name, where its `GlobalOptions` reads them.
public enum GlobalArguments {
    /// Options taking a value that every stage-facing command accepts.
    static let valued: Set<String> = ["--config", "--key", "--request-timeout", "--endpoint"]

    public static func reorder(_ arguments: [String]) -> [String] {
        var moved: [String] = []
        var rest = arguments[...]
        while let first = rest.first, first.hasPrefix("--") {
            let name = String(first.split(separator: "=", maxSplits: 1)[0])
            guard valued.contains(name) else { break }
            let takesNext = !first.contains("=") && rest.count > 1
            moved += rest.prefix(takesNext ? 2 : 1)
            rest = rest.dropFirst(takesNext ? 2 : 1)
        }
        guard let subcommand = rest.first else { return arguments }
        return [subcommand] + moved + rest.dropFirst()
    }
}
