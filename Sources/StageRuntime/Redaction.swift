import Logging

/// Removes credentials from URLs, free text and log metadata, so no secret reaches a log line or an error.
///
/// What it masks (with `***`): the user-info part of URLs (`https://user:pass@host` →
/// `https://***@host`), values of secret-named query parameters, `key=value` / `key: value` /
/// `"key": "value"` pairs whose key names a secret (password, token, secret, identity,
/// privateKey, webhookSecret, CURVE secret keys…), `Bearer` tokens and PEM private key blocks.
public enum Redaction {
    /// What every removed secret is replaced with.
    public static let mask = "***"

    /// A URL with its credentials masked; any text works, only the credentials change.
    public static func redact(url: String) -> String {
        redact(text: url)
    }

    /// Free text (a message, an error description) with every credential inside it masked.
    public static func redact(text: String) -> String {
        var bytes = Array(text.utf8)
        let triggers = SecretTriggers(bytes)
        guard triggers.any else { return text }
        if triggers.privateKeyBlock { bytes = TextRedactor.maskPrivateKeyBlocks(bytes) }
        if triggers.urlUserInfo { bytes = TextRedactor.maskURLUserInfo(bytes) }
        if triggers.secretPairs { bytes = TextRedactor.maskSecretPairs(bytes) }
        if triggers.bearerToken { bytes = TextRedactor.maskBearerTokens(bytes) }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Metadata with secret-named keys masked and credentials removed from every value, at any depth.
    public static func redact(metadata: Logger.Metadata) -> Logger.Metadata {
        var result = Logger.Metadata(minimumCapacity: metadata.count)
        for (key, value) in metadata {
            result[key] = isSecret(key: key) ? .string(mask) : redact(value: value)
        }
        return result
    }

    /// One metadata value with credentials removed.
    public static func redact(value: Logger.MetadataValue) -> Logger.MetadataValue {
        switch value {
        case .string(let text): .string(redact(text: text))
        case .stringConvertible(let convertible): .string(redact(text: convertible.description))
        case .array(let items): .array(items.map(redact(value:)))
        case .dictionary(let entries): .dictionary(redact(metadata: entries))
        }
    }
}
