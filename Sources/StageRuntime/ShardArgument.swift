/// The `--shard i/n` a stage instance was started with: it handles only what hashes to shard `index`.
///
/// Just the parsed numbers; which names a shard owns is CapstanCore's `Shard`.
public struct ShardArgument: Sendable, Hashable, CustomStringConvertible {
    /// Zero-based, below ``count``.
    public var index: Int
    public var count: Int

    public init?(index: Int, count: Int) {
        guard count >= 1, (0..<count).contains(index) else { return nil }
        self.index = index
        self.count = count
    }

    /// Parses `0/3`; nil for anything else, including an index outside `0..<n`.
    public init?(parsing text: String) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let index = Int(parts[0]), let count = Int(parts[1]) else { return nil }
        self.init(index: index, count: count)
    }

    public var description: String { "\(index)/\(count)" }
}
