import CapstanCore

extension AppConfig {
    /// A digest of the settings that change what the app renders to.
    ///
    /// Built from canonical forms only (sorted keys, key-sorted JSON), so the same config gives the
    /// same fingerprint in every process: a restart must not mistake it for a change and re-render.
    var renderFingerprint: String {
        let variables = substitute.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: "\n")
        let text = "path=\(path)\nhelm=\(helm.map(Self.canonicalText) ?? "")\n\(variables)"
        return Digest(of: Array(text.utf8)).hex
    }

    /// The helm settings as key-sorted JSON.
    private static func canonicalText(_ helm: HelmConfig) -> String {
        var fields: [String: JSONValue] = [
            "values": helm.values,
            "valuesFiles": .array(helm.valuesFiles.map(JSONValue.string)),
            "set": .object(helm.set.mapValues(JSONValue.string)),
        ]
        if let releaseName = helm.releaseName { fields["releaseName"] = .string(releaseName) }
        if let namespace = helm.namespace { fields["namespace"] = .string(namespace) }
        return JSONValue.object(fields).serialized()
    }
}
