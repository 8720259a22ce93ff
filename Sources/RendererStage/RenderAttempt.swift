import CapstanCore

/// An artifact rendered under one set of app settings: rendering it again gives the same result.
struct RenderAttempt: Sendable, Hashable {
    var artifact: Digest
    var fingerprint: String
}
