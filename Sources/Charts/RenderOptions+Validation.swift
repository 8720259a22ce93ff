extension RenderOptions {
    /// Helm's release-name rule (a DNS-1123 subdomain of at most 53 characters).
    static func validReleaseName(_ name: String) -> Bool {
        guard !name.isEmpty, name.utf8.count <= 53 else { return false }
        let labels = name.split(separator: ".", omittingEmptySubsequences: false)
        return labels.allSatisfy { label in
            guard let first = label.first, let last = label.last else { return false }
            let allowed = label.allSatisfy { $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "-") }
            return allowed && first != "-" && last != "-"
        }
    }

    /// Checks the release name and parses the kube version as Helm does (`1.16` → `v1.16.0`).
    func validated() throws -> RenderOptions {
        guard Self.validReleaseName(releaseName) else {
            throw ChartError("release name \"\(releaseName)\": invalid release name, must match regex ^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$ and the length must not be longer than 53")
        }
        var out = self
        out.kubeVersion = try Self.normalizedKubeVersion(kubeVersion)
        return out
    }

    static func normalizedKubeVersion(_ text: String) throws -> String {
        let bare = text.hasPrefix("v") ? String(text.dropFirst()) : text
        var core = Substring(bare)
        var suffix = ""
        if let cut = core.firstIndex(where: { $0 == "-" || $0 == "+" }) {
            suffix = String(core[cut...])
            core = core[..<cut]
        }
        var parts = core.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard (1...3).contains(parts.count), parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isNumber) }) else {
            throw ChartError("invalid kube version '\(text)': could not parse \"\(text)\" as version")
        }
        while parts.count < 3 { parts.append("0") }
        return "v" + parts.map { String(Int($0) ?? 0) }.joined(separator: ".") + suffix
    }
}
