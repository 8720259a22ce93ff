import CapstanCore

/// The short forms tables print: `main@1a2b3c4` for a revision, `sha256:1a2b3c4d5e6f` for a digest.
public enum ShortNames {
    /// `main@sha1:<40 hex>` → `main@1a2b3c4`; anything else unchanged.
    public static func revision(_ text: String?) -> String {
        guard let text, !text.isEmpty else { return "-" }
        guard let revision = Revision(text) else { return text }
        let commit = String(revision.commit.prefix(7))
        return revision.ref.isEmpty ? commit : "\(revision.ref)@\(commit)"
    }

    /// `sha256:<64 hex>` → `sha256:<12 hex>`.
    public static func digest(_ text: String?) -> String {
        guard let text, !text.isEmpty else { return "-" }
        guard text.hasPrefix("sha256:"), text.count > 19 else { return text }
        return String(text.prefix(19))
    }
}
