import Foundation
import Messaging
import Testing
import ZeroMQ

@Suite struct KeyFilesTests {
    @Test func writesSecretWithMode0600AndReadsThePairBack() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("keys-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let pair = try CurveKeyPair.generate()
        let paths = try KeyFiles.write(pair, directory: directory, name: "fetcher")
        let mode = try FileManager.default.attributesOfItem(atPath: paths.secret)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        #expect(try KeyFiles.readKeyPair(secretKeyPath: paths.secret) == pair)
        #expect(try KeyFiles.readKey(paths.public) == pair.publicKey)
        #expect(throws: KeyFileError(path: paths.secret, reason: "already exists; remove it or choose another --name")) {
            try KeyFiles.write(pair, directory: directory, name: "fetcher")
        }
    }

    @Test func refusesAFileThatIsNotAKey() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("notakey-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try "hello\n".write(toFile: path, atomically: true, encoding: .utf8)
        #expect(throws: KeyFileError(path: path, reason: "expected one 40-character Z85 key (see capstan keygen)")) {
            try KeyFiles.readKey(path)
        }
    }
}
