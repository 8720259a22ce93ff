import CapstanCore

/// The workload checks kubectl users meet most: a selector must exist and match the template's labels.
enum WorkloadValidation {
    static func problems(_ object: JSONValue, _ type: ResourceType) -> [(field: String, message: String)] {
        guard type.group == "apps", object.value(at: ["metadata", "deletionTimestamp"]) == nil else { return [] }
        guard let selector = object.value(at: ["spec", "selector"]) else {
            return [("spec.selector", "Required value")]
        }
        let labels = object.value(at: ["spec", "template", "metadata", "labels"])?.objectValue ?? [:]
        let wanted = selector["matchLabels"]?.objectValue ?? [:]
        for (key, value) in wanted where labels[key] != value {
            let rendered = "map[string]string{" + labels.keys.sorted().map { "\"\($0)\":\(labels[$0]!.serialized())" }
                .joined(separator: ", ") + "}"
            return [("spec.template.metadata.labels", "Invalid value: \(rendered): `selector` does not match template `labels`")]
        }
        return []
    }
}
