import Archive
import CapstanCore
import Foundation
import Testing

@Suite struct ArtifactWriterTests {
    static func write(_ path: String, entries: [(String, String)], links: [(String, String)] = []) throws -> (digest: Digest, size: Int) {
        let writer = try ArtifactWriter(path: path)
        for (name, content) in entries {
            try Array(content.utf8).withUnsafeBytes { try writer.addFile(path: name, executable: name.hasSuffix(".sh"), contents: $0) }
        }
        for (name, target) in links { try writer.addSymlink(path: name, target: target) }
        return try writer.finish()
    }

    static let longName = String(repeating: "deep/", count: 40) + String(repeating: "n", count: 120) + ".yaml"

    static func scratch() throws -> String {
        let directory = NSTemporaryDirectory() + "capstan-archive-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        return directory
    }

    @Test func sameEntriesGiveTheSameBytesAndDigest() throws {
        let directory = try Self.scratch()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let entries = [("a.yaml", "kind: A\n"), ("run.sh", "#!/bin/sh\n"), (Self.longName, "long\n")]
        let first = try Self.write(directory + "/one.tar.gz", entries: entries, links: [("link", "a.yaml")])
        let second = try Self.write(directory + "/two.tar.gz", entries: entries, links: [("link", "a.yaml")])
        #expect(first.digest == second.digest)
        let bytes = try Data(contentsOf: URL(fileURLWithPath: directory + "/one.tar.gz"))
        #expect(bytes == (try Data(contentsOf: URL(fileURLWithPath: directory + "/two.tar.gz"))))
        #expect(Array(bytes.prefix(10)) == [0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3], "fixed gzip header: no name, mtime 0")
        #expect(Digest(of: bytes) == first.digest)
        #expect(bytes.count == first.size)
    }

    @Test func readsBackLongNamesModesAndSymlinks() throws {
        let directory = try Self.scratch()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let longTarget = String(repeating: "t", count: 150)
        _ = try Self.write(directory + "/a.tar.gz", entries: [("a.yaml", "kind: A\n"), ("run.sh", "#!/bin/sh\n"), (Self.longName, "long\n")],
                           links: [("link", longTarget)])
        let reader = try ArchiveReader(path: directory + "/a.tar.gz")
        var seen: [ArchiveEntry] = []
        while let entry = try reader.next() { seen.append(entry) }
        #expect(seen.map(\.path) == ["a.yaml", "run.sh", Self.longName, "link"])
        #expect(seen[1].kind == .file(executable: true))
        #expect(seen[0].kind == .file(executable: false))
        #expect(seen[3].kind == .symlink(target: longTarget))
    }

    @Test func systemTarReadsTheArtifact() throws {
        let directory = try Self.scratch()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        _ = try Self.write(directory + "/a.tar.gz", entries: [("x/a.yaml", "kind: A\n"), (Self.longName, "long\n")])
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/tar")
        process.arguments = ["-xzf", directory + "/a.tar.gz", "-C", directory]
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        #expect(try String(contentsOfFile: directory + "/" + Self.longName, encoding: .utf8) == "long\n")
    }
}
