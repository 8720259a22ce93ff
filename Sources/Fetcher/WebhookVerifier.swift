import Crypto
import Foundation

/// Checks push webhooks before they may trigger a fetch: GitHub's `X-Hub-Signature-256`, GitLab's
/// `X-Gitlab-Token`, or a generic `X-Signature-256: sha256=<hex>` HMAC; replayed deliveries are ignored.
public final class WebhookVerifier: @unchecked Sendable {
    // Safe to share: `seen` and `order` are only touched with `lock` held.
    private let lock = NSLock()
    private var seen: Set<String> = []
    private var order: [String] = []
    private let remembered: Int
    /// Largest body accepted, in bytes.
    public let maxBody: Int

    /// The closed set of answers: the HTTP layer maps them to 202, 200, 401 and 413.
    public enum Verdict: Sendable, Equatable {
        case accepted
        case replayed(deliveryID: String)
        case unauthorized(reason: String)
        case tooLarge
    }

    public init(maxBody: Int = 1 << 20, remembered: Int = 10_000) {
        self.maxBody = maxBody
        self.remembered = remembered
    }

    /// Verifies one delivery; `headers` keys in any case.
    public func verify(headers: [String: String], body: [UInt8], secret: [UInt8]) -> Verdict {
        guard body.count <= maxBody else { return .tooLarge }
        let headers = Dictionary(headers.map { ($0.key.lowercased(), $0.value) }) { $1 }
        if let reason = authenticate(headers, body: body, secret: secret) { return .unauthorized(reason: reason) }
        let id = headers["x-github-delivery"] ?? headers["x-gitlab-event-uuid"] ?? headers["x-delivery-id"]
        if let id, !remember(id) { return .replayed(deliveryID: id) }
        return .accepted
    }

    /// nil when authentic, else why not.
    private func authenticate(_ headers: [String: String], body: [UInt8], secret: [UInt8]) -> String? {
        guard !secret.isEmpty else { return "the source has no webhookSecret" }
        if let token = headers["x-gitlab-token"] {
            return WebhookVerifier.constantTimeEqual(Array(token.utf8), secret) ? nil : "X-Gitlab-Token does not match"
        }
        guard let signature = headers["x-hub-signature-256"] ?? headers["x-signature-256"] else {
            return "no X-Hub-Signature-256, X-Signature-256 or X-Gitlab-Token header"
        }
        guard signature.hasPrefix("sha256="), let expected = WebhookVerifier.bytes(hex: String(signature.dropFirst(7))) else {
            return "signature is not sha256=<hex>"
        }
        let mac = Array(HMAC<SHA256>.authenticationCode(for: body, using: SymmetricKey(data: secret)))
        return WebhookVerifier.constantTimeEqual(mac, expected) ? nil : "signature does not match the body"
    }

    /// Records a delivery id; false when it was seen already.
    private func remember(_ id: String) -> Bool {
        lock.lock()
        defer { lock.unlock() }
        guard seen.insert(id).inserted else { return false }
        order.append(id)
        if order.count > remembered { seen.remove(order.removeFirst()) }
        return true
    }

    static func constantTimeEqual(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        guard a.count == b.count else { return false }
        return zip(a, b).reduce(0) { $0 | ($1.0 ^ $1.1) } == 0
    }

    static func bytes(hex: String) -> [UInt8]? {
        let digits = Array(hex.utf8)
        guard digits.count % 2 == 0 else { return nil }
        var bytes: [UInt8] = []
        for index in stride(from: 0, to: digits.count, by: 2) {
            guard let byte = UInt8(String(decoding: digits[index...index + 1], as: UTF8.self), radix: 16) else { return nil }
            bytes.append(byte)
        }
        return bytes
    }
}
