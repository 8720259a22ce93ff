import Crypto
import Fetcher
import Foundation
import Testing

@Suite struct WebhookVerifierTests {
    let secret = Array("hook-secret".utf8)
    let body = Array(#"{"ref":"refs/heads/main"}"#.utf8)

    func signature(_ body: [UInt8], key: [UInt8]) -> String {
        "sha256=" + HMAC<SHA256>.authenticationCode(for: body, using: SymmetricKey(data: key)).map { String(format: "%02x", $0) }.joined()
    }

    @Test func acceptsAGitHubDeliveryOnceAndIgnoresItsReplay() {
        let verifier = WebhookVerifier()
        let headers = ["X-Hub-Signature-256": signature(body, key: secret), "X-GitHub-Delivery": "d-1"]
        #expect(verifier.verify(headers: headers, body: body, secret: secret) == .accepted)
        #expect(verifier.verify(headers: headers, body: body, secret: secret) == .replayed(deliveryID: "d-1"))
    }

    @Test func refusesBadOrMissingSignatures() {
        let verifier = WebhookVerifier()
        let wrongKey = ["X-Hub-Signature-256": signature(body, key: Array("other".utf8)), "X-GitHub-Delivery": "d-2"]
        #expect(verifier.verify(headers: wrongKey, body: body, secret: secret) == .unauthorized(reason: "signature does not match the body"))
        #expect(verifier.verify(headers: [:], body: body, secret: secret) == .unauthorized(reason: "no X-Hub-Signature-256, X-Signature-256 or X-Gitlab-Token header"))
        let tampered = ["X-Hub-Signature-256": signature(body, key: secret)]
        #expect(verifier.verify(headers: tampered, body: body + [0x20], secret: secret) == .unauthorized(reason: "signature does not match the body"))
        let good = ["X-Hub-Signature-256": signature(body, key: secret), "X-GitHub-Delivery": "d-2"]
        #expect(verifier.verify(headers: good, body: body, secret: secret) == .accepted, "a refused delivery id is not remembered")
    }

    @Test func checksGitLabTokensAndGenericSignatures() {
        let verifier = WebhookVerifier()
        #expect(verifier.verify(headers: ["X-Gitlab-Token": "hook-secret"], body: body, secret: secret) == .accepted)
        #expect(verifier.verify(headers: ["X-Gitlab-Token": "nope"], body: body, secret: secret) == .unauthorized(reason: "X-Gitlab-Token does not match"))
        #expect(verifier.verify(headers: ["x-signature-256": signature(body, key: secret), "x-delivery-id": "g-1"], body: body, secret: secret) == .accepted)
    }

    @Test func capsTheBody() {
        let verifier = WebhookVerifier(maxBody: 10)
        #expect(verifier.verify(headers: ["X-Gitlab-Token": "hook-secret"], body: body, secret: secret) == .tooLarge)
    }
}
