import ArgumentParser

/// `-o table` (aligned columns, the default) or `-o json` (the merged JSON, for scripts).
public enum OutputFormat: String, ExpressibleByArgument, Sendable {
    case table, json
}
