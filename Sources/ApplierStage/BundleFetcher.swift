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

/// GETs a bundle from whichever renderer instance serves it, verified by digest, and decodes its objects.
struct BundleFetcher: Sendable {
    let clients: [RequestClient]
    let maxBytes: Int

    func objects(of offer: BundleOffer) async throws -> [JSONValue] {
        var reasons: [String] = []
        for client in clients {
            do {
                let bytes = try await client.get(offer.digest, maxBytes: maxBytes)
                return try ManifestDecoder.decode(bytes, file: "bundle \(offer.digest)").filter { $0 != .null }
            } catch let error as RequestError {
                reasons.append("\(client.endpoint): \(error)")
            }
        }
        throw BundleFetchError(digest: offer.digest, reasons: reasons)
    }
}
