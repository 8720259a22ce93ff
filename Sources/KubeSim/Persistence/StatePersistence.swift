import CapstanCore
import Foundation
import ServiceLifecycle

/// `--state DIR`: loads the objects at start and writes them back (atomically, debounced) while running.
public struct StatePersistence: Service {
    let api: KubeAPI
    let file: URL

    /// Loads `DIR/objects.json` into the store when it exists; creates the directory otherwise.
    public init(api: KubeAPI, directory: String) throws {
        self.api = api
        let folder = URL(fileURLWithPath: directory, isDirectory: true)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        file = folder.appendingPathComponent("objects.json")
        if let data = try? Data(contentsOf: file) {
            let state = try JSONValue.parse(Array(data))
            var objects: [String: [String: JSONValue]] = [:]
            for (key, members) in state["objects"]?.objectValue ?? [:] { objects[key] = members.objectValue ?? [:] }
            api.store.restore(objects: objects, resourceVersion: state["resourceVersion"]?.intValue ?? 1)
            api.registerStoredDefinitions()
        }
    }

    public func run() async throws {
        var saved = api.store.changes
        while !Task.isShuttingDownGracefully {
            try? await Task.sleep(for: .milliseconds(250))
            let changes = api.store.changes
            if changes != saved {
                try save()
                saved = changes
            }
        }
        try save()
    }

    func save() throws {
        let (objects, resourceVersion) = api.store.snapshot()
        let state: JSONValue = ["resourceVersion": .int(resourceVersion),
                                "objects": .object(objects.mapValues { .object($0) })]
        try Data(state.serialized().utf8).write(to: file, options: .atomic)
    }
}
