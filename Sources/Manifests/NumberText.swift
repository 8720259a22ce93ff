/// How a JSON number prints after the trip Kubernetes tools give it (Go value → `encoding/json`
/// → go-yaml v2 → YAML): integral values as integers, others in Go's shortest `%g` form.
enum NumberText {
    /// The text kustomize and Helm's `toYaml` print for a float64.
    static func kubernetes(_ value: Double) -> String {
        guard value.isFinite else { return GoFloat.formatG(value) }
        let json = Array(GoFloat.jsonText(value).utf8)
        // go-yaml reads the JSON text back: an integer spelling becomes an int or uint64.
        if let integer = GoInteger.parseInt(json) { return String(integer) }
        if let unsigned = GoInteger.parseUint(json) { return String(unsigned) }
        return GoFloat.formatG(value)
    }
}
