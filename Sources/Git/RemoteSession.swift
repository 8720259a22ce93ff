import CGit2
import Foundation

/// What libgit2's fetch callbacks need: credentials, trusted host keys, the deadline and byte cap,
/// and the first failure they saw (clearer than libgit2's generic "callback returned error").
final class RemoteSession {
    let options: FetchOptions
    let remote: RemoteURL
    let deadline: Date
    var credentialAttempts = 0
    var failure: GitError?
    var receivedBytes = 0
    var receivedObjects = 0
    var updatedRefs = 0

    init(options: FetchOptions, remote: RemoteURL) {
        self.options = options
        self.remote = remote
        deadline = Date().addingTimeInterval(options.transferTimeout)
    }

    func fail(_ error: GitError) -> Int32 {
        if failure == nil { failure = error }
        return GIT_EUSER.rawValue
    }

    /// Answers libgit2's credential request; a second request means the first answer was refused.
    func credential(_ out: UnsafeMutablePointer<UnsafeMutablePointer<git_credential>?>, allowed: UInt32, userFromURL: String?) -> Int32 {
        credentialAttempts += 1
        if allowed & GIT_CREDENTIAL_USERNAME.rawValue != 0, allowed & GIT_CREDENTIAL_SSH_KEY.rawValue == 0 {
            return git_credential_username_new(out, sshUser(userFromURL))
        }
        guard credentialAttempts <= 2 else {
            return fail(GitError(function: "authenticate", message: "the server refused the credentials (check the secret's username/password, token or SSH key)", kind: .authentication))
        }
        switch options.credentials {
        case .password(let username, let password)? where allowed & GIT_CREDENTIAL_USERPASS_PLAINTEXT.rawValue != 0:
            guard credentialAttempts == 1 else { return refused() }
            return git_credential_userpass_plaintext_new(out, username, password)
        case .sshKey(let username, let privateKey, let publicKey, let passphrase)? where allowed & GIT_CREDENTIAL_SSH_KEY.rawValue != 0:
            guard credentialAttempts <= 2 else { return refused() }
            return git_credential_ssh_key_new(out, username ?? sshUser(userFromURL), publicKey, privateKey, passphrase)
        default:
            return fail(GitError(function: "authenticate", message: "the server asks for credentials and the source has none it accepts (secretRef: username/password for HTTP(S), identity/known_hosts for SSH)", kind: .authentication))
        }
    }

    private func refused() -> Int32 {
        fail(GitError(function: "authenticate", message: "the server refused the credentials (check the secret's username/password, token or SSH key)", kind: .authentication))
    }

    private func sshUser(_ fromURL: String?) -> String {
        if case .sshKey(let user?, _, _, _)? = options.credentials { return user }
        return fromURL ?? remote.user ?? "git"
    }

    /// Checks an SSH host key against `known_hosts`; a TLS certificate keeps libgit2's verdict (against the
    /// source's `caFile` or the system CAs), said clearly when it is a refusal.
    func certificate(_ cert: UnsafeMutablePointer<git_cert>, valid: Bool) -> Int32 {
        if cert.pointee.cert_type == GIT_CERT_X509 {
            guard !valid else { return 0 }
            let trusted = options.caFile.map { "the CAs in \($0)" } ?? "the system CAs"
            return fail(GitError(function: "check TLS certificate", message: "the TLS certificate of \(remote.host):\(remote.port) is not trusted by \(trusted) or does not name the host (put the server's CA in the secret's caFile)", kind: .certificate))
        }
        guard cert.pointee.cert_type == GIT_CERT_HOSTKEY_LIBSSH2 else { return GIT_PASSTHROUGH.rawValue }
        let hostKey = UnsafeMutableRawPointer(cert).assumingMemoryBound(to: git_cert_hostkey.self).pointee
        guard hostKey.type.rawValue & GIT_CERT_SSH_RAW.rawValue != 0, let raw = hostKey.hostkey else {
            return fail(GitError(function: "check host key", message: "libssh2 gave no raw host key to compare with known_hosts", kind: .certificate))
        }
        let key = Array(UnsafeRawBufferPointer(start: raw, count: hostKey.hostkey_len))
        guard let path = options.knownHostsPath else {
            return fail(GitError(function: "check host key", message: "no known_hosts for \(remote.host):\(remote.port); add a known_hosts file to the source's secret", kind: .certificate))
        }
        do {
            let known = try KnownHosts(path: path)
            if known.trusts(host: remote.host, port: remote.port, key: key) { return 0 }
            let why = known.knows(host: remote.host, port: remote.port)
                ? "the host key of \(remote.host):\(remote.port) does not match known_hosts (the key changed: check the server before updating known_hosts)"
                : "\(remote.host):\(remote.port) is not in known_hosts"
            return fail(GitError(function: "check host key", message: why, kind: .certificate))
        } catch {
            return fail(error)
        }
    }

    /// Stops the transfer when the deadline passed or the byte cap was crossed.
    func progress(receivedBytes: Int, receivedObjects: Int) -> Int32 {
        self.receivedBytes = receivedBytes
        self.receivedObjects = receivedObjects
        return withinLimits()
    }

    func withinLimits() -> Int32 {
        if Date() > deadline {
            return fail(GitError(function: "fetch", message: "gave up after \(Int(options.transferTimeout))s (transfer timeout)", kind: .timeout))
        }
        if receivedBytes > options.maxBytes {
            return fail(GitError(function: "fetch", message: "download exceeds the \(options.maxBytes)-byte limit", kind: .limit))
        }
        return 0
    }
}
