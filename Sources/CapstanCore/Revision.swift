/// One fetched state of a source: the commit it names and the digest of its artifact.
public struct Revision: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The branch or tag it came from; empty for a pinned commit.
    public let ref: String
    /// The commit id, 40 lower-case hex characters.
    public let commit: String

    public init(ref: String, commit: String) {
        self.ref = ref
        self.commit = commit
    }

    /// Reads `main@sha1:<hex>` or `sha1:<hex>`.
    public init?(_ text: String) {
        let ref: Substring
        let rest: Substring
        if let at = text.lastIndex(of: "@") {
            ref = text[..<at]
            rest = text[text.index(after: at)...]
        } else {
            ref = ""
            rest = Substring(text)
        }
        guard rest.hasPrefix("sha1:") else { return nil }
        let commit = rest.dropFirst(5)
        guard commit.utf8.count == 40, commit.utf8.allSatisfy({ (0x30...0x39).contains($0) || (0x61...0x66).contains($0) })
        else { return nil }
        self.init(ref: String(ref), commit: String(commit))
    }

    public var description: String { ref.isEmpty ? "sha1:\(commit)" : "\(ref)@sha1:\(commit)" }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let revision = Revision(text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "not a revision: \(text)"))
        }
        self = revision
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
