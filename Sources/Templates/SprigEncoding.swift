import Crypto
import Foundation

/// Sprig's encodings and hashes: base64, base32, sha1, sha256, adler32.
enum SprigEncoding {
    typealias F = TemplateFunction

    static func register(_ t: inout FunctionTable) {
        t["b64enc"] = SprigStrings.str1 { base64(Array($0.utf8)) }
        t["b64dec"] = SprigStrings.str1 { s in
            guard let data = Data(base64Encoded: s), data.base64EncodedString() == s || strictPad(s) else {
                return "illegal base64 data at input byte \(badBase64Index(s))"
            }
            return String(decoding: data, as: UTF8.self)
        }
        t["b32enc"] = SprigStrings.str1 { base32(Array($0.utf8)) }
        t["b32dec"] = SprigStrings.str1 { s in
            switch base32Decode(s) {
            case .success(let bytes): return String(decoding: bytes, as: UTF8.self)
            case .failure(let index): return "illegal base32 data at input byte \(index.value)"
            }
        }
        t["sha1sum"] = SprigStrings.str1 { hex(Insecure.SHA1.hash(data: Array($0.utf8))) }
        t["sha256sum"] = SprigStrings.str1 { hex(SHA256.hash(data: Array($0.utf8))) }
        t["sha512sum"] = SprigStrings.str1 { hex(SHA512.hash(data: Array($0.utf8))) }
        t["adler32sum"] = SprigStrings.str1 { String(adler32(Array($0.utf8))) }
    }

    static func strictPad(_ s: String) -> Bool { false }

    static func badBase64Index(_ s: String) -> Int {
        let alphabet = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)
        for (i, b) in s.utf8.enumerated() where !alphabet.contains(b) && b != UInt8(ascii: "=") { return i }
        return (s.utf8.count / 4) * 4
    }

    static func hex<D: Sequence>(_ digest: D) -> String where D.Element == UInt8 {
        digest.map { GoQuote.hex2($0) }.joined()
    }

    static func base64(_ bytes: [UInt8]) -> String { Data(bytes).base64EncodedString() }

    static let base32Alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".utf8)

    static func base32(_ bytes: [UInt8]) -> String {
        var out: [UInt8] = []
        var i = 0
        while i < bytes.count {
            let chunk = Array(bytes[i..<min(i + 5, bytes.count)])
            var buffer = [UInt8](repeating: 0, count: 5)
            for (k, b) in chunk.enumerated() { buffer[k] = b }
            var bits: UInt64 = 0
            for b in buffer { bits = bits << 8 | UInt64(b) }
            let chars = [8, 2, 4, 5, 7, 8][chunk.count]
            for k in 0..<8 {
                if k < chars {
                    out.append(base32Alphabet[Int((bits >> UInt64(35 - k * 5)) & 31)])
                } else {
                    out.append(UInt8(ascii: "="))
                }
            }
            i += 5
        }
        return String(decoding: out, as: UTF8.self)
    }

    struct BadIndex: Error { let value: Int }

    static func base32Decode(_ s: String) -> Result<[UInt8], BadIndex> {
        let input = Array(s.utf8)
        guard input.count % 8 == 0 else { return .failure(BadIndex(value: (input.count / 8) * 8)) }
        var out: [UInt8] = []
        var i = 0
        while i < input.count {
            var bits: UInt64 = 0
            var count = 0
            for k in 0..<8 {
                let c = input[i + k]
                if c == UInt8(ascii: "=") {
                    bits <<= 5
                    continue
                }
                guard let v = base32Alphabet.firstIndex(of: c) else { return .failure(BadIndex(value: i + k)) }
                bits = bits << 5 | UInt64(v)
                count += 1
            }
            let bytes = [0, 0, 1, 1, 2, 3, 3, 4, 5][count]
            for k in 0..<bytes { out.append(UInt8((bits >> UInt64(32 - k * 8)) & 0xFF)) }
            i += 8
        }
        return .success(out)
    }

    static func adler32(_ bytes: [UInt8]) -> UInt32 {
        var a: UInt32 = 1, b: UInt32 = 0
        for byte in bytes {
            a = (a + UInt32(byte)) % 65521
            b = (b + a) % 65521
        }
        return b << 16 | a
    }
}
