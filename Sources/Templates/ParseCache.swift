import Foundation
import Synchronization

/// Parsed trees of template sources seen before, so re-rendering an unchanged chart skips parsing.
/// Trees are immutable after parsing, so one parse can be shared by every set and thread.
enum ParseCache {
    struct Key: Hashable {
        let name: String
        let bytes: [UInt8]
        let leftDelim: String
        let rightDelim: String
        /// The function names the parse was checked against (a parse fails on an unknown function).
        let functions: Int

        /// Hashes the source as one block of memory (Array's own hashing feeds the hasher byte by byte).
        func hash(into hasher: inout Hasher) {
            hasher.combine(name)
            hasher.combine(bytes.count)
            bytes.withUnsafeBytes { hasher.combine(bytes: $0) }
            hasher.combine(leftDelim)
            hasher.combine(rightDelim)
            hasher.combine(functions)
        }
    }

    /// Off when `CAPSTAN_TEMPLATE_PARSE_CACHE=off`: bench/charts uses it to time a render that parses
    /// every template, as `helm template` and the Go peer do.
    static let isEnabled = ProcessInfo.processInfo.environment["CAPSTAN_TEMPLATE_PARSE_CACHE"] != "off"

    /// Bounds the cached source bytes; the cache empties when a new entry would exceed it.
    static let maxBytes = 32 << 20

    private struct State {
        var entries: [Key: [(String, ParsedTree)]] = [:]
        var bytes = 0
    }

    private static let state = Mutex(State())

    static func lookup(_ key: Key) -> [(String, ParsedTree)]? {
        state.withLock { $0.entries[key] }
    }

    static func store(_ key: Key, _ trees: [(String, ParsedTree)]) {
        let size = key.bytes.count + key.name.utf8.count
        guard size <= maxBytes / 4 else { return }
        state.withLock { state in
            if state.bytes + size > maxBytes {
                state.entries.removeAll()
                state.bytes = 0
            }
            if state.entries.updateValue(trees, forKey: key) == nil { state.bytes += size }
        }
    }

    /// A fingerprint of a function table's names, computed once per table.
    static func fingerprint(_ table: FunctionTable) -> Int {
        var hasher = Hasher()
        for name in table.functions.keys.sorted() { hasher.combine(name) }
        return hasher.finalize()
    }
}
