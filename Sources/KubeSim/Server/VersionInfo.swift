import CapstanCore

/// The `/version` document; its minor decides which kubectl the dispatcher runs.
enum VersionInfo {
    static func json(minor: Int) -> JSONValue {
        ["major": "1", "minor": .string(String(minor)), "gitVersion": .string("v1.\(minor).4"),
         "gitCommit": "4cb5f07a6b4c8f5bd4e5a0d8a1c2e3f405060708", "gitTreeState": "clean",
         "buildDate": "2025-04-22T00:00:00Z", "goVersion": "go1.23.8", "compiler": "gc", "platform": "linux/amd64"]
    }
}
