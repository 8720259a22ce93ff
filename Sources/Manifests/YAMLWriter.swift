import CapstanCore

/// Writes one JSON value as YAML exactly as `sigs.k8s.io/yaml.Marshal` (go-yaml v2) does: what
/// Helm's `toYaml` prints (before it trims the final newline) and what kustomize prints per object.
public enum YAMLWriter {
    /// The YAML text of `value`, ending with a line break.
    public static func write(_ value: JSONValue) -> String {
        var emitter = GoYAMLEmitter()
        emitter.emitDocument(value)
        return String(decoding: emitter.output, as: UTF8.self)
    }

    /// The YAML bytes of `value`, ending with a line break.
    public static func writeBytes(_ value: JSONValue) -> [UInt8] {
        var emitter = GoYAMLEmitter()
        emitter.emitDocument(value)
        return emitter.output
    }
}
