import Foundation

/// The checkout's root, found from this file's path, so tests read the real compose/, deploy/
/// and examples/ directories wherever the package is built.
enum RepositoryRoot {
    static let path: String = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

    static func file(_ relative: String) -> String { path + "/" + relative }
}
