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

/// GETs a bundle from whichever renderer instance serves it first, verified by digest; decodes its objects.
struct BundleFetcher: Sendable {
    let clients: [RequestClient]
    let maxBytes: Int
    /// A backstop over the whole GET: each chunk already has Lazy Pirate's timeout and retries, but
    /// a renderer that keeps the request open in some other way must not hold the app in Progressing.
    var deadline: Duration = .seconds(120)

    /// Every renderer is asked at once and the first to answer serves the bundle, so a renderer
    /// that is down costs nothing while another one has it.
    func bytes(of offer: BundleOffer) async throws(BundleFetchError) -> [UInt8] {
        guard !clients.isEmpty else { throw BundleFetchError(digest: offer.digest, reasons: []) }
        let (digest, clients, maxBytes) = (offer.digest, clients, maxBytes)
        do {
            return try await Deadline.run("GET bundle \(digest)", within: deadline) {
                try await RequestClient.get(digest, fromFirstOf: clients, maxBytes: maxBytes)
            }
        } catch let error as RequestError {
            if case .unavailable(_, let reasons) = error { throw BundleFetchError(digest: digest, reasons: reasons) }
            throw BundleFetchError(digest: digest, reasons: ["\(error)"])
        } catch {
            throw BundleFetchError(digest: digest, reasons: ["\(error)"])
        }
    }

    static func objects(_ bytes: [UInt8], digest: Digest) throws -> [JSONValue] {
        try ManifestDecoder.decode(bytes, file: "bundle \(digest)").filter { $0 != .null }
    }
}
