import Foundation

/// A throwaway `sshd` on a free port with its own host key, key-only auth, serving git over SSH.
public final class SSHServer: @unchecked Sendable {
    // Safe to share in tests: immutable after init except the process, which only stops.
    public let process: ServerProcess
    public let port: Int
    /// `known_hosts` line for this server's host key.
    public let knownHostsLine: String
    public static let binary = "/usr/sbin/sshd"

    public static var isAvailable: Bool { FileManager.default.isExecutableFile(atPath: binary) && getuid() == 0 }

    /// Starts sshd in `directory`, authorizing `authorizedKey` (an OpenSSH public key line).
    public init(directory: String, authorizedKey: String, home: String, hostKeyName: String = "host_key") throws {
        let hostKey = directory + "/" + hostKeyName
        if !FileManager.default.fileExists(atPath: hostKey) {
            try Shell.run(["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", hostKey], in: directory, home: home)
        }
        try authorizedKey.write(toFile: directory + "/authorized_keys", atomically: true, encoding: .utf8)
        // sshd insists on its privilege separation directory, which a container may lack.
        try? FileManager.default.createDirectory(atPath: "/run/sshd", withIntermediateDirectories: true)
        let port = FreePort.next()
        let config = """
        Port \(port)
        ListenAddress 127.0.0.1
        HostKey \(hostKey)
        AuthorizedKeysFile \(directory)/authorized_keys
        PasswordAuthentication no
        KbdInteractiveAuthentication no
        PubkeyAuthentication yes
        PermitRootLogin yes
        UsePAM no
        StrictModes no
        PidFile none
        LogLevel VERBOSE
        """
        try config.write(toFile: directory + "/sshd_config", atomically: true, encoding: .utf8)
        let publicKey = try String(contentsOfFile: hostKey + ".pub", encoding: .utf8).split(separator: " ")
        knownHostsLine = "[127.0.0.1]:\(port) \(publicKey[0]) \(publicKey[1])\n"
        self.port = port
        process = try ServerProcess([SSHServer.binary, "-D", "-e", "-f", directory + "/sshd_config"], port: port, home: home,
                                    log: directory + "/sshd.log")
    }

    public func stop() { process.stop() }
}
