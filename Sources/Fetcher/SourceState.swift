import CapstanCore
import Foundation

/// What the fetcher remembers about a source across restarts: the current revision and the artifacts kept.
public struct SourceState: Sendable, Codable, Equatable {
    public var current: FetchedRevision?
    /// Digests kept for this source, newest first, the current one included.
    public var history: [Digest]
    /// Hash of the ignore rules the current artifact was packed with; a change forces a repack.
    public var ignoreKey: String

    public init(current: FetchedRevision? = nil, history: [Digest] = [], ignoreKey: String = "") {
        self.current = current
        self.history = history
        self.ignoreKey = ignoreKey
    }

    static func path(dataDirectory: String, source: String) -> String { "\(dataDirectory)/sources/\(source).json" }

    /// The saved state, or an empty one when there is none or it cannot be read.
    public static func load(dataDirectory: String, source: String) -> SourceState {
        guard let data = FileManager.default.contents(atPath: path(dataDirectory: dataDirectory, source: source)),
              let state = try? JSONDecoder().decode(SourceState.self, from: data) else { return SourceState() }
        return state
    }

    /// Writes the state atomically.
    public func save(dataDirectory: String, source: String) throws {
        let path = SourceState.path(dataDirectory: dataDirectory, source: source)
        try FileManager.default.createDirectory(atPath: dataDirectory + "/sources", withIntermediateDirectories: true)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        try encoder.encode(self).write(to: URL(fileURLWithPath: path), options: .atomic)
    }

    /// Records `revision` as current and trims the history to `keep` digests.
    mutating func record(_ revision: FetchedRevision, keep: Int) {
        current = revision
        history.removeAll { $0 == revision.digest }
        history.insert(revision.digest, at: 0)
        history = Array(history.prefix(max(1, keep)))
    }
}
