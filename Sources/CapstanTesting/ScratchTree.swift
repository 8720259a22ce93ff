import Foundation

/// A directory of files written by a test, so tests state their input trees as data.
public enum ScratchTree {
    /// Writes `files` (relative path → text) under a fresh temporary directory named with `prefix`
    /// and returns its path; parent directories are created as needed.
    public static func write(_ files: [String: String], prefix: String) throws -> String {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("\(prefix)-\(UUID().uuidString)").path
        for (path, text) in files {
            let full = root + "/" + path
            try FileManager.default.createDirectory(
                atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try text.write(toFile: full, atomically: true, encoding: .utf8)
        }
        return root
    }
}
