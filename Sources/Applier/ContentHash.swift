import Crypto

/// `sha256:<hex>` of some bytes, as `Digest(of:).description` spells it, without its per-byte strings:
/// every object of every reconcile is hashed.
enum ContentHash {
    static func sha256(_ bytes: [UInt8]) -> String {
        let digest = SHA256.hash(data: bytes)
        let digits = Array("0123456789abcdef".utf8)
        var text: [UInt8] = Array("sha256:".utf8)
        text.reserveCapacity(7 + 64)
        for byte in digest {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: text, as: UTF8.self)
    }
}
