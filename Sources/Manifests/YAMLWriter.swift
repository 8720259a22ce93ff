import CapstanCore

/// Writes one JSON value as YAML exactly as `sigs.k8s.io/yaml.Marshal` (go-yaml v2) does: what
/// Helm's `toYaml` prints (before it trims the final newline) and what kustomize prints per object.
public enum YAMLWriter {
    /// Which Go YAML writer to reproduce.
    public enum Flavor: Sendable, Hashable {
        /// go-yaml v2 through `sigs.k8s.io/yaml`: kustomize's output and Helm's `toYaml`.
        case sigsYAML
        /// `gopkg.in/yaml.v3`'s Encoder with `SetIndent(indent)` on the value itself: Helm's
        /// `toYamlPretty` (indent 2). Sequences are indented under their key, long lines are never
        /// folded, and a `.double` prints in Go's `%g` form (`1e+06`), as float64 values do there.
        case yamlV3(indent: Int)
    }

    /// The YAML text of `value`, ending with a line break.
    public static func write(_ value: JSONValue, flavor: Flavor = .sigsYAML) -> String {
        String(decoding: writeBytes(value, flavor: flavor), as: UTF8.self)
    }

    /// The YAML bytes of `value`, ending with a line break.
    public static func writeBytes(_ value: JSONValue, flavor: Flavor = .sigsYAML) -> [UInt8] {
        var emitter = GoYAMLEmitter(flavor: flavor)
        emitter.emitDocument(value)
        return emitter.output
    }
}
