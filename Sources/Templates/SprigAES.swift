import Crypto
import Foundation
import _CryptoExtras

/// Sprig's encryptAES/decryptAES: AES-256-CBC, the key being the password's first 32 bytes (zero padded),
/// output base64(iv ‖ ciphertext). The IV comes from the execution's deterministic generator.
enum SprigAES {
    typealias F = TemplateFunction

    static func key(_ password: String) -> SymmetricKey {
        var bytes = [UInt8](repeating: 0, count: 32)
        for (i, b) in password.utf8.prefix(32).enumerated() { bytes[i] = b }
        return SymmetricKey(data: bytes)
    }

    static func register(_ t: inout FunctionTable) {
        t["encryptAES"] = F([.string, .string]) { executor, a throws(FunctionError) in
            let plaintext = SprigStrings.s(a[1])
            if plaintext.isEmpty { return .string("") }
            let iv = (0..<16).map { _ in UInt8(truncatingIfNeeded: executor.nextRandom()) }
            do {
                let sealed = try AES._CBC.encrypt(Array(plaintext.utf8), using: key(SprigStrings.s(a[0])), iv: AES._CBC.IV(ivBytes: iv))
                return .string(SprigEncoding.base64(iv + [UInt8](sealed)))
            } catch {
                throw FunctionError("\(error)")
            }
        }
        t["decryptAES"] = F([.string, .string]) { _, a throws(FunctionError) in
            let text = SprigStrings.s(a[1])
            if text.isEmpty { return .string("") }
            guard let data = Data(base64Encoded: text) else {
                throw FunctionError("illegal base64 data at input byte \(SprigEncoding.badBase64Index(text))")
            }
            let bytes = [UInt8](data)
            guard bytes.count >= 32, bytes.count % 16 == 0 else { throw FunctionError("crypto/cipher: input not full blocks") }
            do {
                let plain = try AES._CBC.decrypt(bytes[16...], using: key(SprigStrings.s(a[0])), iv: AES._CBC.IV(ivBytes: Array(bytes[..<16])))
                return .string(String(decoding: plain, as: UTF8.self))
            } catch {
                throw FunctionError("\(error)")
            }
        }
    }
}
