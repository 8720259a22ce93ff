import Templates

extension RenderOptions {
    /// `--name-template`: the release name rendered from a template with the Sprig functions.
    public static func releaseName(fromTemplate text: String) throws -> String {
        let set = TemplateSet(functions: FunctionLibrary.helm)
        do {
            try set.parse(name: "name-template", bytes: Array(text.utf8))
            return try set.executeString(name: "name-template", data: .map(MapValue([:])))
        } catch {
            throw ChartError("--name-template: \(error)")
        }
    }
}
