import CapstanCore

/// Writes a list of Kubernetes objects as one multi-document stream, byte for byte as
/// `kustomize build` (v5.5.0) writes its output: each object through go-yaml v2, `---` between.
public enum ManifestEncoder {
    /// The objects as YAML documents separated by `---` lines; empty for no objects.
    public static func encode(_ objects: [JSONValue]) -> String {
        String(decoding: encodeBytes(objects), as: UTF8.self)
    }

    /// The same stream as UTF-8 bytes.
    public static func encodeBytes(_ objects: [JSONValue]) -> [UInt8] {
        var emitter = GoYAMLEmitter(capacity: objects.count * 512)
        for (position, object) in objects.enumerated() {
            if position > 0 { emitter.output.append(contentsOf: [0x2D, 0x2D, 0x2D, 0x0A]) }
            emitter.emitDocument(object)
        }
        return emitter.output
    }
}
