import CapstanCore
import Manifests
import Messaging

/// Why a bundle could not be fetched from any renderer instance.
struct BundleFetchError: Error, CustomStringConvertible {
    var digest: Digest
    var reasons: [String]
    var description: String {
        "cannot GET bundle \(digest) from any renderer: " + (reasons.isEmpty ? "no renderer configured" : reasons.joined(separator: "; "))
    }
}

/// GETs a bundle from whichever renderer instance serves it, verified by digest; decodes its objects.
struct BundleFetcher: Sendable {
    let clients: [RequestClient]
    let maxBytes: Int
    /// A backstop over the whole GET: each chunk already has Lazy Pirate's timeout and retries, but
    /// a renderer that keeps the request open in some other way must not hold the app in Progressing.
    var deadline: Duration = .seconds(120)

    func bytes(of offer: BundleOffer) async throws(BundleFetchError) -> [UInt8] {
        var reasons: [String] = []
        for client in clients {
            do {
                let (digest, maxBytes) = (offer.digest, maxBytes)
                return try await Deadline.run("GET bundle from \(client.endpoint)", within: deadline) {
                    try await client.get(digest, maxBytes: maxBytes)
                }
            } catch {
                reasons.append("\(client.endpoint): \(error)")
            }
        }
        throw BundleFetchError(digest: offer.digest, reasons: reasons)
    }

    static func objects(_ bytes: [UInt8], digest: Digest) throws -> [JSONValue] {
        try ManifestDecoder.decode(bytes, file: "bundle \(digest)").filter { $0 != .null }
    }
}
