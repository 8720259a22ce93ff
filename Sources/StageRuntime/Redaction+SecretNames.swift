extension Redaction {
    /// Whether a field, header or parameter with this name holds a secret.
    ///
    /// Names compare case-insensitively with `-`, `_`, `.` and spaces ignored, so `webhook_secret`,
    /// `webhookSecret` and `X-Webhook-Secret` all match.
    public static func isSecret(key: String) -> Bool {
        let name = normalized(key)
        if exactSecretNames.contains(name) { return true }
        return secretNameParts.contains { name.contains($0) }
    }

    /// Query parameters are secret under a few more (short) names, like `?key=` and `?sig=`.
    static func isSecret(queryParameter name: String) -> Bool {
        isSecret(key: name) || querySecretNames.contains(normalized(name))
    }

    private static func normalized(_ key: String) -> String {
        String(key.lowercased().filter { $0 != "-" && $0 != "_" && $0 != "." && $0 != " " })
    }

    private static let exactSecretNames: Set<String> = [
        "identity", "auth", "authorization", "proxyauthorization", "cookie", "setcookie", "pass", "pwd",
    ]

    private static let secretNameParts: [String] = [
        "password", "passwd", "passphrase", "secret", "token", "apikey", "privatekey", "accesskey",
        "credential", "signature", "bearer",
    ]

    private static let querySecretNames: Set<String> = ["key", "sig", "code"]
}
