import CapstanCore

/// One manifest `helm template` prints (`# Source: <path>` then `content`) and the objects it holds.
struct RenderedManifest: Sendable {
    let path: String
    let content: String
    let objects: [JSONValue]
}
