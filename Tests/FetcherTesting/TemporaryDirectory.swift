import Foundation

/// A directory that lives as long as a test needs it; `remove()` deletes it.
public final class TemporaryDirectory: @unchecked Sendable {
    // Safe to share: immutable after init.
    public let path: String

    public init(_ label: String = "capstan") {
        path = NSTemporaryDirectory() + "\(label)-\(UUID().uuidString)"
        try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    public func remove() { try? FileManager.default.removeItem(atPath: path) }

    /// `path/<relative>`.
    public func callAsFunction(_ relative: String) -> String { path + "/" + relative }
}
