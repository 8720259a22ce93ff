import CZeroMQ

/// A CURVE key pair in Z85 text (40 characters each): what `capstan keygen` writes and what
/// encrypted sockets are configured with.
public struct CurveKeyPair: Sendable, Hashable {
    public let publicKey: String
    public let secretKey: String

    public init(publicKey: String, secretKey: String) {
        self.publicKey = publicKey
        self.secretKey = secretKey
    }

    /// A fresh random key pair from libzmq (needs libzmq built with CURVE support).
    public static func generate() throws(ZeroMQError) -> CurveKeyPair {
        var publicKey = [CChar](repeating: 0, count: 41)
        var secretKey = [CChar](repeating: 0, count: 41)
        try check("zmq_curve_keypair", zmq_curve_keypair(&publicKey, &secretKey))
        return CurveKeyPair(publicKey: Z85.string(publicKey), secretKey: Z85.string(secretKey))
    }

    /// The public key belonging to a Z85 secret key.
    public static func publicKey(forSecret secretKey: String) throws(ZeroMQError) -> String {
        var publicKey = [CChar](repeating: 0, count: 41)
        try check("zmq_curve_public", zmq_curve_public(&publicKey, secretKey))
        return Z85.string(publicKey)
    }
}

/// ZeroMQ's Z85 text encoding of binary keys (RFC 32).
public enum Z85 {
    /// Encodes `bytes` (a multiple of 4 long, e.g. a 32-byte key); nil otherwise.
    public static func encode(_ bytes: [UInt8]) -> String? {
        guard bytes.count % 4 == 0 else { return nil }
        var text = [CChar](repeating: 0, count: bytes.count * 5 / 4 + 1)
        guard zmq_z85_encode(&text, bytes, bytes.count) != nil else { return nil }
        return string(text)
    }

    /// Decodes Z85 `text` (a multiple of 5 long); nil when it is not valid Z85.
    public static func decode(_ text: String) -> [UInt8]? {
        guard text.utf8.count % 5 == 0 else { return nil }
        var bytes = [UInt8](repeating: 0, count: text.utf8.count * 4 / 5)
        guard zmq_z85_decode(&bytes, text) != nil else { return nil }
        return bytes
    }

    static func string(_ characters: [CChar]) -> String {
        String(decoding: characters.prefix(while: { $0 != 0 }).map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
