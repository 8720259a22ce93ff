import CapstanCore

extension AppConfig {
    /// A digest of the settings that change what the app renders to.
    var renderFingerprint: String {
        let variables = substitute.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: "\n")
        let text = "path=\(path)\nhelm=\(helm.map { String(describing: $0) } ?? "")\n\(variables)"
        return Digest(of: Array(text.utf8)).hex
    }
}
