import Templates

extension Chart {
    /// Helm refuses to render a chart whose Chart.yaml `kubeVersion` constraint excludes the
    /// Kubernetes version rendered for (semver constraints as Sprig's `semverCompare` reads them).
    func checkKubeVersion(_ kubeVersion: String) throws {
        guard let constraint = metadata["kubeVersion"]?.stringValue, !constraint.isEmpty else { return }
        let set = TemplateSet(functions: FunctionLibrary.helm)
        var compatible = false
        do {
            try set.parse(name: "kubeVersion", bytes: Array("{{ semverCompare .c .v }}".utf8))
            let data = Value.map(MapValue(["c": .string(constraint), "v": .string(kubeVersion)]))
            compatible = try set.executeString(name: "kubeVersion", data: data) == "true"
        } catch {
            compatible = false
        }
        guard compatible else {
            throw ChartError("chart requires kubeVersion: \(constraint) which is incompatible with Kubernetes \(kubeVersion)")
        }
    }
}
