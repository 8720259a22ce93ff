import Foundation
import Git

/// Reads a source's secret directory into libgit2 fetch options; the files follow Flux's names.
enum SourceSecret {
    static func fetchOptions(for spec: SourceSpec) throws -> FetchOptions {
        var options = FetchOptions(connectTimeout: spec.connectTimeout, transferTimeout: spec.transferTimeout)
        guard let directory = spec.secretDirectory else { return options }
        let manager = FileManager.default
        func file(_ name: String) -> String? {
            let path = directory + "/" + name
            return manager.fileExists(atPath: path) ? path : nil
        }
        func text(_ name: String) throws -> String? {
            try file(name).map { try String(contentsOfFile: $0, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines) }
        }
        options.knownHostsPath = file("known_hosts")
        options.caFile = file("ca.crt") ?? file("caFile")
        if let identity = file("identity") {
            options.credentials = .sshKey(username: try text("username"), privateKeyPath: identity,
                                          publicKeyPath: file("identity.pub"), passphrase: try text("password"))
        } else if let password = try text("password") ?? text("token") {
            options.credentials = .password(username: try text("username") ?? "git", password: password)
        }
        return options
    }
}
