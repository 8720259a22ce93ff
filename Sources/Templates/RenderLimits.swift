/// Bounds that stop a hostile template from exhausting memory (Go would try and die; a render must fail).
enum RenderLimits {
    /// Largest string a function may build, and largest output of one execution.
    static let maxBytes = 64 << 20
    /// Largest list a function may build.
    static let maxItems = 10_000_000

    static func checkBytes(_ count: Int, _ what: String) throws(FunctionError) {
        if count < 0 || count > maxBytes { throw FunctionError("\(what): result would exceed \(maxBytes) bytes") }
    }

    static func checkItems(_ count: Int, _ what: String) throws(FunctionError) {
        if count < 0 || count > maxItems { throw FunctionError("\(what): result would exceed \(maxItems) items") }
    }
}
