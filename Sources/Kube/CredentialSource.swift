import Foundation

/// Produces the Authorization header for each request, caching tokens that are costly to get.
///
/// File tokens are re-read at most once a minute (and at once after a 401), so a rotated
/// service-account token is picked up; exec tokens are kept until their expiry.
actor CredentialSource {
    private let credentials: KubeCredentials
    private var cached: String?
    private var validUntil: Date = .distantPast

    init(_ credentials: KubeCredentials) {
        self.credentials = credentials
    }

    /// Whether a 401 might be cured by fetching the credential again.
    nonisolated var canRefresh: Bool {
        switch credentials {
        case .tokenFile, .exec: return true
        case .none, .token, .basic: return false
        }
    }

    /// The value of the Authorization header, or nil to send none.
    func authorization() async throws -> String? {
        switch credentials {
        case .none: return nil
        case .token(let token): return "Bearer \(token)"
        case .basic(let username, let password):
            return "Basic \(Data("\(username):\(password)".utf8).base64EncodedString())"
        case .tokenFile(let path): return "Bearer \(try fileToken(path))"
        case .exec(let plugin): return "Bearer \(try await execToken(plugin))"
        }
    }

    /// Forgets the cached token after the server refused it.
    func invalidate() {
        cached = nil
        validUntil = .distantPast
    }

    private func fileToken(_ path: String) throws -> String {
        if let cached, Date() < validUntil { return cached }
        guard let data = FileManager.default.contents(atPath: path),
            let text = String(data: data, encoding: .utf8)?.trimmingCharacters(in: .whitespacesAndNewlines), !text.isEmpty
        else {
            throw KubeClientError.credentials(reason: "the token file \(path) cannot be read or is empty")
        }
        cached = text
        validUntil = Date().addingTimeInterval(60)
        return text
    }

    private func execToken(_ plugin: ExecPlugin) async throws -> String {
        if let cached, Date() < validUntil { return cached }
        let credential = try await ExecPluginRunner.run(plugin)
        cached = credential.token
        // Without an expiry client-go keeps the token until the server refuses it.
        validUntil = credential.expiry ?? .distantFuture
        return credential.token
    }
}
