import ArgumentParser
import Messaging
import ZeroMQ

/// `capstan keygen`: writes a CURVE key pair for a stage or a client.
public struct KeygenCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "keygen",
        abstract: "Write a CURVE key pair: <name>.key (secret, mode 0600) and <name>.pub.")

    @Option(help: "Directory to write the key files into.")
    var out: String = "."

    @Option(help: "Base name of the key files.")
    var name: String = "capstan"

    public init() {}

    public func run() throws {
        let pair = try CurveKeyPair.generate()
        let paths = try KeyFiles.write(pair, directory: out, name: name)
        print("wrote \(paths.secret) (secret) and \(paths.public)")
        print("public key: \(pair.publicKey)")
    }
}
