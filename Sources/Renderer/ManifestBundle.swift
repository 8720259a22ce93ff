import CapstanCore
import Manifests

/// An app's rendered manifests at one revision: canonical multi-document YAML and its digest.
public struct ManifestBundle: Sendable, Equatable {
    /// The YAML stream, byte for byte as `kustomize build` writes it.
    public let bytes: [UInt8]
    public let digest: Digest
    public let objectCount: Int

    public init(objects: [JSONValue]) {
        self.init(bytes: ManifestEncoder.encodeBytes(objects), objectCount: objects.count)
    }

    public init(bytes: [UInt8], objectCount: Int) {
        self.bytes = bytes
        self.digest = Digest(of: bytes)
        self.objectCount = objectCount
    }

    public var yaml: String { String(decoding: bytes, as: UTF8.self) }
}
