import CLI
import Foundation
import Messaging
import Testing

@Suite struct KeygenCommandTests {
    @Test func writesNamedKeyPairIntoTheOutputDirectory() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("keygen-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: directory) }
        var command = try KeygenCommand.parse(["--out", directory, "--name", "renderer"])
        try command.run()
        let pair = try KeyFiles.readKeyPair(secretKeyPath: directory + "/renderer.key")
        #expect(try KeyFiles.readKey(directory + "/renderer.pub") == pair.publicKey)
        command = try KeygenCommand.parse(["--out", directory, "--name", "renderer"])
        #expect(throws: KeyFileError.self) { try command.run() }
    }
}
