import CapstanCore

/// Parses JSON written in a test; a typo fails loudly.
func json(_ text: String) -> JSONValue {
    do { return try JSONValue.parse(text) } catch { fatalError("bad test JSON: \(error)\n\(text)") }
}
