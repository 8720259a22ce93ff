import CapstanCore

extension Kustomization {
    /// Decodes a kustomization file's object, applying kustomize's `FixKustomization` rewrites
    /// (bases → resources, imageTags → images, commonLabels → labels, …).
    public init(decoding value: JSONValue) throws(OverlayError) {
        var reader: FieldReader
        do {
            reader = try FieldReader(value, typeName: "types.Kustomization")
        } catch {
            throw error.prefixed("invalid Kustomization")
        }
        do {
            try decodeFields(&reader)
            try reader.finish()
        } catch {
            throw error.prefixed("invalid Kustomization")
        }
        try validateKindAndVersion()
    }

    private mutating func decodeFields(_ reader: inout FieldReader) throws(OverlayError) {
        kind = try reader.string("kind")
        apiVersion = try reader.string("apiVersion")
        _ = reader.raw("metadata")
        resources = try reader.strings("resources")
        let bases = try reader.strings("bases")
        components = try reader.strings("components")
        crds = try reader.strings("crds")
        namePrefix = try reader.string("namePrefix")
        nameSuffix = try reader.string("nameSuffix")
        namespace = try reader.string("namespace")
        let commonLabels = try reader.stringMap("commonLabels")
        for entry in try reader.objects("labels") { labels.append(try LabelSpec(decoding: entry)) }
        commonAnnotations = try reader.stringMap("commonAnnotations") ?? [:]
        for entry in try reader.objects("patches") { patches.append(try PatchSpec(decoding: entry)) }
        let json6902 = try reader.objects("patchesJson6902")
        strategicMergePatches = try reader.strings("patchesStrategicMerge")
        for entry in try reader.objects("images") + reader.objects("imageTags") {
            images.append(try ImageSpec(decoding: entry))
        }
        for entry in try reader.objects("replicas") { replicas.append(try ReplicaSpec(decoding: entry)) }
        for entry in try reader.objects("configMapGenerator") {
            configMapGenerator.append(try GeneratorSpec(decoding: entry, secret: false))
        }
        for entry in try reader.objects("secretGenerator") {
            secretGenerator.append(try GeneratorSpec(decoding: entry, secret: true))
        }
        if let options = reader.raw("generatorOptions") { generatorOptions = try GeneratorOptions(decoding: options) }
        replacements = try reader.objects("replacements")
        for entry in try reader.objects("vars") { vars.append(try VarSpec(decoding: entry)) }
        configurations = try reader.strings("configurations")
        generators = try reader.strings("generators")
        transformers = try reader.strings("transformers")
        validators = try reader.strings("validators")
        buildMetadata = try reader.strings("buildMetadata")
        if let options = reader.raw("sortOptions") { sortOptions = try SortOptions(decoding: options) }
        openAPI = try reader.stringMap("openapi") ?? [:]
        helmCharts = try reader.objects("helmCharts") + reader.objects("helmChartInflationGenerator")
        helmGlobals = reader.raw("helmGlobals")

        if !bases.isEmpty { warnings.append(Self.deprecation("bases", "resources")) }
        if commonLabels != nil { warnings.append(Self.deprecation("commonLabels", "labels")) }
        if reader.raw("imageTags") != nil { warnings.append(Self.deprecation("imageTags", "images")) }
        if !json6902.isEmpty { warnings.append(Self.deprecation("patchesJson6902", "patches")) }
        if !strategicMergePatches.isEmpty { warnings.append(Self.deprecation("patchesStrategicMerge", "patches")) }
        if !vars.isEmpty {
            warnings.append("# Warning: 'vars' is deprecated. Please use 'replacements' instead. [EXPERIMENTAL] Run 'kustomize edit fix' to update your Kustomization automatically.")
        }

        resources += bases
        for entry in json6902 { json6902Patches.append(try PatchSpec(decoding: entry)) }
        self.commonLabels = commonLabels ?? [:]
    }

    private static func deprecation(_ field: String, _ replacement: String) -> String {
        "# Warning: '\(field)' is deprecated. Please use '\(replacement)' instead. Run 'kustomize edit fix' to update your Kustomization automatically."
    }

    private mutating func validateKindAndVersion() throws(OverlayError) {
        var problems: [String] = []
        if !kind.isEmpty && kind != "Kustomization" && kind != "Component" {
            problems.append("kind should be Kustomization or Component")
        }
        let required = kind == "Component" ? "kustomize.config.k8s.io/v1alpha1" : "kustomize.config.k8s.io/v1beta1"
        if !apiVersion.isEmpty && apiVersion != required {
            problems.append("apiVersion for \(kind) should be \(required)")
        }
        if !problems.isEmpty { throw OverlayError(problems.joined(separator: "\n")) }
        if kind.isEmpty { kind = "Kustomization" }
        if apiVersion.isEmpty { apiVersion = required }
    }
}

extension LabelSpec {
    init(decoding value: JSONValue) throws(OverlayError) {
        var reader = try FieldReader(value, typeName: "types.Label")
        pairs = try reader.stringMap("pairs") ?? [:]
        includeSelectors = try reader.bool("includeSelectors")
        includeTemplates = try reader.bool("includeTemplates")
        fields = try reader.objects("fields").map { (entry) throws(OverlayError) in try FieldSpec(decoding: entry) }
        try reader.finish()
    }
}

extension PatchSpec {
    init(decoding value: JSONValue) throws(OverlayError) {
        var reader = try FieldReader(value, typeName: "types.Patch")
        path = try reader.string("path")
        patch = try reader.string("patch")
        if let target = reader.raw("target") { self.target = try Selector(decoding: target) }
        if let options = reader.raw("options")?.objectValue {
            for (key, flag) in options { self.options[key] = flag.boolValue ?? false }
        }
        try reader.finish()
    }
}

extension Selector {
    init(decoding value: JSONValue) throws(OverlayError) {
        var reader = try FieldReader(value, typeName: "types.Selector")
        self.init(
            gvk: GVK(group: try reader.string("group"), version: try reader.string("version"), kind: try reader.string("kind")),
            name: try reader.string("name"), namespace: try reader.string("namespace"),
            labelSelector: try reader.string("labelSelector"), annotationSelector: try reader.string("annotationSelector"))
        try reader.finish()
    }
}

extension ImageSpec {
    init(decoding value: JSONValue) throws(OverlayError) {
        var reader = try FieldReader(value, typeName: "types.Image")
        name = try reader.string("name")
        newName = try reader.string("newName")
        tagSuffix = try reader.string("tagSuffix")
        if let tag = reader.raw("newTag") {
            // YAML may read `newTag: 1.0` as a number; kustomize's loader keeps the text.
            newTag = tag.stringValue ?? tag.serialized()
        }
        digest = try reader.string("digest")
        try reader.finish()
    }
}

extension ReplicaSpec {
    init(decoding value: JSONValue) throws(OverlayError) {
        var reader = try FieldReader(value, typeName: "types.Replica")
        name = try reader.string("name")
        count = try reader.int("count") ?? 0
        try reader.finish()
    }
}

extension GeneratorSpec {
    init(decoding value: JSONValue, secret: Bool) throws(OverlayError) {
        var reader = try FieldReader(value, typeName: secret ? "types.SecretArgs" : "types.ConfigMapArgs")
        name = try reader.string("name")
        namespace = try reader.string("namespace")
        behavior = try reader.string("behavior")
        literals = try reader.strings("literals")
        files = try reader.strings("files")
        envs = try reader.strings("envs")
        let env = try reader.string("env")
        if !env.isEmpty { envs.append(env) }
        if secret { type = try reader.string("type") }
        if let options = reader.raw("options") { self.options = try GeneratorOptions(decoding: options) }
        try reader.finish()
    }
}

extension GeneratorOptions {
    init(decoding value: JSONValue) throws(OverlayError) {
        var reader = try FieldReader(value, typeName: "types.GeneratorOptions")
        labels = try reader.stringMap("labels")
        annotations = try reader.stringMap("annotations")
        disableNameSuffixHash = try reader.bool("disableNameSuffixHash")
        immutable = try reader.bool("immutable")
        try reader.finish()
    }
}

extension VarSpec {
    init(decoding value: JSONValue) throws(OverlayError) {
        var reader = try FieldReader(value, typeName: "types.Var")
        name = try reader.string("name")
        var objref = try FieldReader(reader.raw("objref"), typeName: "types.Target")
        let apiVersion = try objref.string("apiVersion")
        var gvk = GVK(group: try objref.string("group"), version: try objref.string("version"), kind: try objref.string("kind"))
        if !apiVersion.isEmpty {
            let parsed = GVK(apiVersion: apiVersion, kind: gvk.kind)
            gvk.group = parsed.group
            gvk.version = parsed.version
        }
        objectReference = ObjectReference(gvk: gvk, name: try objref.string("name"), namespace: try objref.string("namespace"))
        try objref.finish()
        var fieldref = try FieldReader(reader.raw("fieldref"), typeName: "types.FieldSelector")
        fieldPath = try fieldref.string("fieldPath")
        if fieldPath.isEmpty { fieldPath = "metadata.name" }
        try fieldref.finish()
        try reader.finish()
    }
}

extension SortOptions {
    init(decoding value: JSONValue) throws(OverlayError) {
        var reader = try FieldReader(value, typeName: "types.SortOptions")
        order = try reader.string("order")
        let legacyValue = reader.raw("legacySortOptions")
        hasLegacyOptions = legacyValue != nil
        var legacy = try FieldReader(legacyValue, typeName: "types.LegacySortOptions")
        orderFirst = try legacy.strings("orderFirst")
        orderLast = try legacy.strings("orderLast")
        try legacy.finish()
        try reader.finish()
    }
}
