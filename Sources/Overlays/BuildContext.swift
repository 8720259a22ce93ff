/// State one build shares across all its kustomization directories: kustomize keeps the OpenAPI
/// schema globally, and the first directory loaded with an `openapi` field (the top one first)
/// decides it for the whole build.
final class BuildContext {
    var customSchema: CustomSchema?
    /// Whether some kustomization already chose the schema (a custom path or a builtin version).
    var schemaIsChosen = false
}
