import Archive
import CapstanCore
import Foundation
import Testing

@Suite struct ArchiveUnpackerTests {
    /// Builds a hostile tar.gz with Python's tarfile: (name, type, link target or content).
    static func hostile(_ entries: [(String, String, String)], in directory: String) throws -> String {
        let path = directory + "/hostile.tar.gz"
        let items = entries.map { "(\"\($0.0)\", \"\($0.1)\", \"\($0.2)\")" }.joined(separator: ", ")
        let script = """
        import io, tarfile
        with tarfile.open("\(path)", "w:gz", format=tarfile.PAX_FORMAT) as tar:
            for name, kind, value in [\(items)]:
                info = tarfile.TarInfo(name)
                if kind == "file":
                    data = value.encode()
                    info.size = len(data)
                    tar.addfile(info, io.BytesIO(data))
                    continue
                info.type = {"symlink": tarfile.SYMTYPE, "hardlink": tarfile.LNKTYPE, "chr": tarfile.CHRTYPE, "fifo": tarfile.FIFOTYPE, "dir": tarfile.DIRTYPE}[kind]
                info.linkname = value
                tar.addfile(info)
        """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script]
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        return path
    }

    static func refusal(_ entries: [(String, String, String)], limits: UnpackLimits = .default) throws -> String? {
        let directory = NSTemporaryDirectory() + "capstan-unpack-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let archive = try hostile(entries, in: directory)
        do {
            try ArchiveUnpacker.unpack(archive, into: directory + "/out", limits: limits)
            return nil
        } catch {
            #expect(!FileManager.default.fileExists(atPath: directory + "/escaped"), "nothing was written outside")
            return "\(error)"
        }
    }

    @Test func unpacksAPlainTreeWithInnerSymlinks() throws {
        #expect(try Self.refusal([("dir", "dir", ""), ("dir/a.yaml", "file", "a"), ("link", "symlink", "dir/a.yaml")]) == nil)
    }

    @Test(arguments: [
        ([("/etc/evil", "file", "x")], "absolute path"),
        ([("../escaped", "file", "x")], "'..'"),
        ([("a/../../escaped", "file", "x")], "'..'"),
        ([("link", "symlink", "/etc/passwd")], "symlink to absolute path"),
        ([("link", "symlink", "../escaped")], "points outside"),
        ([("dir/link", "symlink", "../../escaped")], "points outside"),
        ([("link", "symlink", "."), ("link/x", "file", "x")], "parent directory is a symlink"),
        ([("a", "file", "x"), ("hard", "hardlink", "a")], "hard links"),
        ([("dev", "chr", "")], "device"),
        ([("fifo", "fifo", "")], "device, FIFO"),
        ([("a", "file", "x"), ("a", "file", "y")], "create failed"),
    ])
    func refusesEntriesThatEscapeOrAreNotFiles(entries: [(String, String, String)], reason: String) throws {
        let error = try Self.refusal(entries)
        #expect(error?.contains(reason) == true, "\(String(describing: error))")
    }

    @Test func enforcesSizeAndCountLimits() throws {
        let big = try Self.refusal([("a", "file", String(repeating: "x", count: 2000))], limits: UnpackLimits(maxBytes: 1000))
        #expect(big?.contains("more than 1000 bytes") == true)
        let many = try Self.refusal((0..<5).map { ("f\($0)", "file", "x") }, limits: UnpackLimits(maxEntries: 3))
        #expect(many?.contains("more than 3 entries") == true)
    }

    @Test func verifiesTheDigest() throws {
        let directory = NSTemporaryDirectory() + "capstan-unpack-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let archive = try Self.hostile([("a", "file", "x")], in: directory)
        let actual = Digest(of: try Data(contentsOf: URL(fileURLWithPath: archive)))
        try ArchiveUnpacker.unpack(archive, into: directory + "/good", digest: actual)
        let wrong = Digest("sha256:" + String(repeating: "0", count: 64))!
        #expect(throws: ArchiveError.self) { try ArchiveUnpacker.unpack(archive, into: directory + "/bad", digest: wrong) }
    }
}
