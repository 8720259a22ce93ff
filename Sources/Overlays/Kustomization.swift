import CapstanCore

/// A `kustomization.yaml` (or Component) after kustomize's legacy-field fixes: what one
/// directory asks the overlay engine to do.
public struct Kustomization: Sendable {
    public var kind = "Kustomization"
    public var apiVersion = ""
    public var isComponent: Bool { kind == "Component" }
    public var resources: [String] = []
    public var components: [String] = []
    public var crds: [String] = []
    public var namePrefix = ""
    public var nameSuffix = ""
    public var namespace = ""
    public var commonLabels: [String: String] = [:]
    public var labels: [LabelSpec] = []
    public var commonAnnotations: [String: String] = [:]
    public var patches: [PatchSpec] = []
    public var json6902Patches: [PatchSpec] = []
    /// `patchesStrategicMerge` entries: a file path or an inline patch, decided at load time.
    public var strategicMergePatches: [String] = []
    public var images: [ImageSpec] = []
    public var replicas: [ReplicaSpec] = []
    public var configMapGenerator: [GeneratorSpec] = []
    public var secretGenerator: [GeneratorSpec] = []
    public var generatorOptions: GeneratorOptions?
    public var replacements: [JSONValue] = []
    public var vars: [VarSpec] = []
    public var configurations: [String] = []
    public var generators: [String] = []
    public var transformers: [String] = []
    public var validators: [String] = []
    public var buildMetadata: [String] = []
    public var sortOptions: SortOptions?
    public var openAPI: [String: String] = [:]
    public var helmCharts: [JSONValue] = []
    public var helmGlobals: JSONValue?
    /// Deprecation warnings kustomize prints on stderr.
    public var warnings: [String] = []
}

/// One `labels` entry (commonLabels becomes one with includeSelectors).
public struct LabelSpec: Sendable {
    public var pairs: [String: String]
    public var includeSelectors: Bool
    public var includeTemplates: Bool
    public var fields: [FieldSpec]
}

/// One `patches` entry: a strategic-merge or JSON 6902 patch, inline or from a file.
public struct PatchSpec: Sendable {
    public var path = ""
    public var patch = ""
    public var target: Selector?
    public var options: [String: Bool] = [:]
}

/// One `images` entry.
public struct ImageSpec: Sendable {
    public var name = ""
    public var newName = ""
    public var newTag = ""
    public var tagSuffix = ""
    public var digest = ""
}

/// One `replicas` entry.
public struct ReplicaSpec: Sendable {
    public var name: String
    public var count: Int64
}

/// One `configMapGenerator` or `secretGenerator` entry.
public struct GeneratorSpec: Sendable {
    public var name = ""
    public var namespace = ""
    public var behavior = ""
    public var literals: [String] = []
    public var files: [String] = []
    public var envs: [String] = []
    public var type = ""
    public var options: GeneratorOptions?
}

/// `generatorOptions`, global or per generator.
public struct GeneratorOptions: Sendable {
    public var labels: [String: String]?
    public var annotations: [String: String]?
    public var disableNameSuffixHash = false
    public var immutable = false
}

/// One legacy `vars` entry.
public struct VarSpec: Sendable, Equatable {
    public var name: String
    public var objectReference: ObjectReference
    public var fieldPath: String
}

/// The object a var or replacement source points at.
public struct ObjectReference: Sendable, Equatable {
    public var gvk: GVK
    public var name: String
    public var namespace: String
}

/// `sortOptions`.
public struct SortOptions: Sendable {
    public var order: String
    /// Whether `legacySortOptions` was given at all.
    public var hasLegacyOptions: Bool
    public var orderFirst: [String]
    public var orderLast: [String]
}
