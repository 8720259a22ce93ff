/// Which slice of the sources or apps one stage instance handles (`--shard i/n`).
///
/// A name belongs to shard `fnv1a64(utf8(name)) % count`: FNV-1a 64-bit (offset basis
/// 0xcbf29ce484222325, prime 0x100000001b3) over the name's UTF-8 bytes. The hash is fixed
/// here, not Swift's seeded `Hasher`, so every process and every release agrees on the owner.
public struct Shard: Sendable, Hashable, CustomStringConvertible, LosslessStringConvertible {
    public let index: Int
    public let count: Int

    /// The single shard that owns everything.
    public static let all = Shard(index: 0, count: 1)

    public init(index: Int, count: Int) {
        precondition(count > 0 && index >= 0 && index < count, "shard \(index)/\(count) is out of range")
        self.index = index
        self.count = count
    }

    /// Reads `i/n` with `0 <= i < n`; nil for anything else.
    public init?(_ description: String) {
        let parts = description.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let index = Int(parts[0]), let count = Int(parts[1]),
            count > 0, index >= 0, index < count
        else { return nil }
        self.init(index: index, count: count)
    }

    public var description: String { "\(index)/\(count)" }

    /// Whether this shard handles the source or app called `name`.
    public func owns(_ name: String) -> Bool {
        Int(Self.fnv1a64(name) % UInt64(count)) == index
    }

    /// FNV-1a, 64-bit, over the UTF-8 bytes of `text`.
    public static func fnv1a64(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01b3
        }
        return hash
    }
}
