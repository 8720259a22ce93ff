import Foundation

/// Locates the shared conformance corpora and reads their files.
enum Corpus {
    /// `../shared/conformance` from the package root, or `CAPSTAN_CONFORMANCE` when set.
    static let root: URL = {
        if let path = ProcessInfo.processInfo.environment["CAPSTAN_CONFORMANCE"] { return URL(fileURLWithPath: path) }
        let package = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        for candidate in [package.appendingPathComponent("../shared/conformance"),
                          package.appendingPathComponent("../../shared/conformance"),
                          URL(fileURLWithPath: "/work/shared/conformance")]
        where FileManager.default.fileExists(atPath: candidate.path) {
            return candidate.standardizedFileURL
        }
        return package.appendingPathComponent("../shared/conformance")
    }()

    static func directories(_ relative: String) -> [URL] {
        let base = root.appendingPathComponent(relative)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: base.path)) ?? []
        return names.sorted().map { base.appendingPathComponent($0) }
    }

    static func bytes(_ url: URL) -> [UInt8]? {
        guard let data = FileManager.default.contents(atPath: url.path) else { return nil }
        return [UInt8](data)
    }

    static func text(_ url: URL) -> String? {
        bytes(url).map { String(decoding: $0, as: UTF8.self) }
    }
}
