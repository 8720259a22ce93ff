import CapstanCore

/// One service of compose/docker-compose.yml, with the fields the consistency tests compare.
struct ComposeService {
    var name: String
    var value: JSONValue

    var command: [String] { value["command"]?.arrayValue?.compactMap(\.stringValue) ?? [] }
    var volumes: [String] { value["volumes"]?.arrayValue?.compactMap(\.stringValue) ?? [] }
    var exposed: [Int] { value["expose"]?.arrayValue?.compactMap { $0.stringValue.flatMap { Int($0) } } ?? [] }
    var healthcheck: [String] { value["healthcheck"]?["test"]?.arrayValue?.compactMap(\.stringValue) ?? [] }
    var restart: String? { value["restart"]?.stringValue }
    var environment: [String: String] { value["environment"]?.objectValue?.compactMapValues(\.stringValue) ?? [:] }

    /// Container ports published to the host (`[ip:]host:container`).
    var published: [Int] {
        value["ports"]?.arrayValue?.compactMap { $0.stringValue?.split(separator: ":").last.flatMap { Int($0) } } ?? []
    }

    /// The value following `option` in the command (`--config /etc/capstan/capstan.yaml`).
    func argument(_ option: String) -> String? {
        guard let index = command.firstIndex(of: option), command.indices.contains(index + 1) else { return nil }
        return command[index + 1]
    }

    /// The container path a volume entry mounts `source` at (`./capstan.yaml:/etc/capstan/capstan.yaml:ro`).
    func mountTarget(of source: String) -> (target: String, readOnly: Bool)? {
        for volume in volumes {
            let parts = volume.split(separator: ":").map(String.init)
            if parts.count >= 2, parts[0] == source { return (parts[1], parts.dropFirst(2).contains("ro")) }
        }
        return nil
    }

    /// The source (named volume or host path) mounted at `target`.
    func mountSource(at target: String) -> String? {
        volumes.map { $0.split(separator: ":").map(String.init) }.first { $0.count >= 2 && $0[1] == target }?[0]
    }
}
