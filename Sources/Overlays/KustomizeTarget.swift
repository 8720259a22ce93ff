import CapstanCore

/// One kustomization directory being built: loads its file, gathers its resources (recursing
/// into bases and components), runs its generators and transformers in kustomize's order.
struct KustomizeTarget {
    let loader: DirectoryLoader
    let kustomization: Kustomization
    /// The kustomization file's name (`kustomization.yaml`, …).
    let fileName: String
    /// This directory's path relative to the top kustomization, when origins are tracked.
    let originPath: String?
    /// The top kustomization's `buildMetadata`, which every base and component inherits.
    let buildMetadata: [String]
    /// State shared by the whole build.
    let context: BuildContext
    /// Kustomize's own stderr warnings, collected for the caller.
    var warnings: [String] { kustomization.warnings }

    static let fileNames = ["kustomization.yaml", "kustomization.yml", "Kustomization"]

    /// Loads a directory's kustomization; `parent` and `path` (as the parent wrote it) pass on
    /// origin tracking to bases and components.
    init(loader: DirectoryLoader, parent: KustomizeTarget? = nil, path: String = "") throws(OverlayError) {
        self.loader = loader
        let present = Self.fileNames.filter { name in
            (try? loader.tree.kind(of: loader.directory.isEmpty ? name : "\(loader.directory)/\(name)")) == .file
        }
        guard let name = present.first else {
            throw OverlayError(
                "unable to find one of 'kustomization.yaml', 'kustomization.yml' or 'Kustomization' in directory '\(loader.displayRoot)'")
        }
        if present.count > 1 { throw OverlayError("Found multiple kustomization files under: \(loader.displayRoot)\n") }
        // Kustomization files are read by go-yaml v2, where a repeated key is not an error.
        let documents = try DirectoryLoader.documents(from: try loader.load(name), file: name, allowDuplicateKeys: true)
        guard documents.count <= 1 else { throw OverlayError("invalid Kustomization: yaml: more than one document in \(name)") }
        do {
            kustomization = try Kustomization(decoding: documents.first ?? .object([:]))
        } catch {
            throw OverlayError("\(loader.directory.isEmpty ? "" : loader.directory + "/")\(name): \(error.message)")
        }
        fileName = name
        context = parent?.context ?? BuildContext()
        if !context.schemaIsChosen, !kustomization.openAPI.isEmpty {
            context.schemaIsChosen = true
            if let path = kustomization.openAPI["path"], kustomization.openAPI["version"] == nil {
                let documents = try DirectoryLoader.documents(from: loader.load(path), file: path)
                context.customSchema = try CustomSchema(document: documents.first ?? .null, file: path)
            }
        }
        if let parent {
            buildMetadata = parent.buildMetadata
            originPath = parent.originPath.map { Origin.join($0, path) }
        } else {
            buildMetadata = kustomization.buildMetadata
            originPath = kustomization.buildMetadata.isEmpty ? nil : ""
        }
    }

    /// The origin of builtins configured in this directory's kustomization file.
    func builtinOrigin(_ kind: String) -> Origin? {
        originPath.map { Origin.builtin(kind, configuredIn: Origin.join($0, fileName)) }
    }

    /// Notes that a builtin ran over every resource, as kustomize's transformer tracking does.
    func record(_ origin: Origin?, in resources: inout ResourceList) {
        guard let origin else { return }
        for index in resources.resources.indices {
            if resources[index].origin == nil {
                resources[index].origin = origin
            } else {
                resources[index].transformations.append(origin)
            }
        }
    }

    /// The whole build of this directory as the top of a tree: accumulate, then hash names,
    /// fix references, resolve vars and drop local-only objects.
    func build() throws(OverlayError) -> ResourceList {
        var accumulator = try accumulate(into: Accumulator())
        try NameHashTransformer().transform(&accumulator.resources)
        try NameReferenceFixer(backReferences: accumulator.config.nameReference).transform(&accumulator.resources)
        try VarResolver(vars: accumulator.vars, fieldSpecs: accumulator.config.varReference).transform(&accumulator.resources)
        accumulator.resources.removeAll { resource in
            let local = resource.annotations["config.kubernetes.io/local-config"]
            return local != nil && local != "false"
        }
        return accumulator.resources
    }

    /// Gathers this directory's resources into `accumulator` (empty for a kustomization, the
    /// parent's for a component) and customizes them.
    func accumulate(into start: Accumulator) throws(OverlayError) -> Accumulator {
        var accumulator = start
        if kustomization.openAPI["path"] != nil && kustomization.openAPI["version"] != nil {
            throw OverlayError("builtin version and custom schema provided, cannot use both")
        }
        do {
            try accumulateResources(kustomization.resources, into: &accumulator)
        } catch {
            throw error.prefixed("accumulating resources")
        }
        var config = TransformerConfig.defaults
        if !kustomization.configurations.isEmpty {
            var custom = TransformerConfig()
            for path in kustomization.configurations {
                for document in try DirectoryLoader.documents(from: loader.load(path), file: path) {
                    var loaded = try TransformerConfig(decoding: document)
                    loaded.sortSections()
                    try custom.merge(loaded)
                }
            }
            try config.merge(custom)
        }
        try accumulator.config.merge(config)
        try accumulator.config.merge(CRDFieldSpecs.load(kustomization.crds, loader: loader))
        try runGenerators(&accumulator)
        do {
            try accumulateComponents(kustomization.components, into: &accumulator)
        } catch {
            throw error.prefixed("accumulating components")
        }
        try runTransformers(&accumulator)
        if !kustomization.validators.isEmpty {
            throw OverlayError("validators are not supported: Capstan runs no plugins")
        }
        for variable in kustomization.vars {
            try bindVar(variable, in: &accumulator)
        }
        return accumulator
    }

    private func accumulateResources(_ paths: [String], into accumulator: inout Accumulator) throws(OverlayError) {
        for path in paths {
            if loader.isDirectory(path) {
                let child = try loader.child(path)
                let sub = try KustomizeTarget(loader: child, parent: self, path: path)
                if sub.kustomization.isComponent {
                    throw OverlayError("expected kind != 'Component' for path '\(child.displayRoot)'")
                }
                do {
                    try accumulator.merge(try sub.accumulate(into: Accumulator()))
                } catch {
                    throw error.prefixed("recursed accumulation of path '\(child.displayRoot)'")
                }
            } else {
                do {
                    for var resource in try loader.resources(in: path) {
                        if let originPath { resource.origin = Origin(path: Origin.join(originPath, path)) }
                        try accumulator.resources.append(resource)
                    }
                } catch {
                    throw error.prefixed("accumulating resources from '\(path)'")
                }
            }
        }
    }

    private func accumulateComponents(_ paths: [String], into accumulator: inout Accumulator) throws(OverlayError) {
        for path in paths {
            guard loader.isDirectory(path) else {
                let shown = (try? loader.tree.resolve(path, from: loader.directory)) ?? path
                throw OverlayError("must build at directory: '\(DirectoryLoader.display(shown))'")
            }
            let child = try loader.child(path)
            let sub = try KustomizeTarget(loader: child, parent: self, path: path)
            guard sub.kustomization.isComponent else {
                throw OverlayError(
                    "accumulateDirectory: \"expected kind '\("Component")' for path '\(child.displayRoot)' but got '\(sub.kustomization.kind)'\"")
            }
            accumulator = try sub.accumulate(into: accumulator)
        }
    }

    private func runGenerators(_ accumulator: inout Accumulator) throws(OverlayError) {
        let generator = DataGenerator(tree: loader.tree, directory: loader.directory)
        for spec in kustomization.configMapGenerator {
            var generated = try generator.configMap(spec, globalOptions: kustomization.generatorOptions)
            generated.origin = builtinOrigin("ConfigMapGenerator")
            try accumulator.resources.absorb(ResourceList([generated]))
        }
        for spec in kustomization.secretGenerator {
            var generated = try generator.secret(spec, globalOptions: kustomization.generatorOptions)
            generated.origin = builtinOrigin("SecretGenerator")
            try accumulator.resources.absorb(ResourceList([generated]))
        }
        let inflation = HelmChartInflation(tree: loader.tree, directory: loader.directory, globals: kustomization.helmGlobals)
        for entry in kustomization.helmCharts {
            var generated = try inflation.inflate(entry).map(Resource.init(object:))
            for index in generated.indices { generated[index].origin = builtinOrigin("HelmChartInflationGenerator") }
            try accumulator.resources.absorb(ResourceList(generated))
        }
        if !kustomization.generators.isEmpty {
            let generated = try BuiltinGeneratorConfigs(entries: kustomization.generators, target: self)
                .generate(globalOptions: kustomization.generatorOptions)
            try accumulator.resources.absorb(ResourceList(generated))
        }
    }

    private func runTransformers(_ accumulator: inout Accumulator) throws(OverlayError) {
        let config = accumulator.config
        var resources = accumulator.resources
        if !kustomization.strategicMergePatches.isEmpty {
            try strategicMergePatches().transform(&resources)
            record(builtinOrigin("PatchStrategicMergeTransformer"), in: &resources)
        }
        for patch in kustomization.patches {
            try patchTransformer(patch).transform(&resources)
            record(builtinOrigin("PatchTransformer"), in: &resources)
        }
        if !kustomization.namespace.isEmpty {
            try NamespaceTransformer(namespace: kustomization.namespace, fieldSpecs: config.namespace).transform(&resources)
            record(builtinOrigin("NamespaceTransformer"), in: &resources)
        }
        if !kustomization.namePrefix.isEmpty {
            try NameAffixTransformer(affix: kustomization.namePrefix, position: .prefix, fieldSpecs: config.namePrefix).transform(&resources)
            record(builtinOrigin("PrefixTransformer"), in: &resources)
        }
        if !kustomization.nameSuffix.isEmpty {
            try NameAffixTransformer(affix: kustomization.nameSuffix, position: .suffix, fieldSpecs: config.nameSuffix).transform(&resources)
            record(builtinOrigin("SuffixTransformer"), in: &resources)
        }
        for label in kustomization.labels {
            var specs = FieldSpecSet(specs: label.fields)
            try specs.merge(config.labels)
            if label.includeSelectors {
                try specs.merge(config.commonLabels)
            } else {
                if label.includeTemplates { try specs.merge(config.templateLabels) }
                try specs.merge(FieldSpec(path: "metadata/labels", create: true))
            }
            try MetadataMapTransformer(entries: label.pairs, fieldSpecs: specs).transform(&resources)
            record(builtinOrigin("LabelTransformer"), in: &resources)
        }
        if !kustomization.labels.isEmpty || !kustomization.commonLabels.isEmpty {
            try MetadataMapTransformer(entries: kustomization.commonLabels, fieldSpecs: config.commonLabels).transform(&resources)
            record(builtinOrigin("LabelTransformer"), in: &resources)
        }
        if !kustomization.commonAnnotations.isEmpty {
            try MetadataMapTransformer(entries: kustomization.commonAnnotations, fieldSpecs: config.commonAnnotations).transform(&resources)
            record(builtinOrigin("AnnotationsTransformer"), in: &resources)
        }
        for patch in kustomization.json6902Patches {
            try patchTransformer(patch, jsonOnly: true).transform(&resources)
            record(builtinOrigin("PatchJson6902Transformer"), in: &resources)
        }
        for replica in kustomization.replicas {
            try ReplicaTransformer(replica: replica, fieldSpecs: config.replicas).transform(&resources)
            record(builtinOrigin("ReplicaCountTransformer"), in: &resources)
        }
        for image in kustomization.images {
            try ImageTransformer(image: image, fieldSpecs: config.images).transform(&resources)
            record(builtinOrigin("ImageTagTransformer"), in: &resources)
        }
        if !kustomization.replacements.isEmpty {
            try ReplacementTransformer(loading: kustomization.replacements, loader: loader).transform(&resources)
            record(builtinOrigin("ReplacementTransformer"), in: &resources)
        }
        if !kustomization.transformers.isEmpty {
            try BuiltinTransformerConfigs(paths: kustomization.transformers, target: self, config: config).transform(&resources)
        }
        accumulator.resources = resources
    }

    private func strategicMergePatches() throws(OverlayError) -> StrategicPatchList {
        var patches: [Resource] = []
        for entry in kustomization.strategicMergePatches {
            if let inline = try? DirectoryLoader.resources(from: Array(entry.utf8), file: "patch"), !inline.isEmpty,
                entry.contains("\n") || entry.contains("{")
            {
                patches += inline
            } else {
                patches += try loader.resources(in: entry)
            }
        }
        if patches.isEmpty {
            throw OverlayError("patch appears to be empty; files=\(kustomization.strategicMergePatches)")
        }
        return StrategicPatchList(patches: patches, custom: context.customSchema)
    }

    private func patchTransformer(_ spec: PatchSpec, jsonOnly: Bool = false) throws(OverlayError) -> PatchTransformer {
        let text: String
        let source: String
        switch (spec.patch.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty, spec.path.isEmpty) {
        case (true, true): throw OverlayError("must specify one of patch and path")
        case (false, false): throw OverlayError("patch and path can't be set at the same time")
        case (false, true):
            text = spec.patch.trimmingCharacters(in: .whitespacesAndNewlines)
            source = "[patch: \(JSONValue.string(text).serialized(escapingHTML: true))]"
        case (true, false):
            text = String(decoding: try loader.load(spec.path), as: UTF8.self)
            source = "[path: \"\(spec.path)\"]"
        }
        return try PatchTransformer(
            text: text, target: spec.target, options: spec.options, source: source, custom: context.customSchema)
    }

    /// Ties a var to the resource it reads from, refusing ambiguity.
    private func bindVar(_ variable: VarSpec, in accumulator: inout Accumulator) throws(OverlayError) {
        let reference = variable.objectReference
        let target = ResourceID(gvk: reference.gvk, name: reference.name, namespace: reference.namespace)
        let matches = accumulator.resources.indices(matchingAnyID: { id in
            let sameGVKN = id.gvk.isSelected(by: target.gvk) && id.name == target.name
            if !target.namespace.isEmpty || target.gvk.isClusterScoped {
                return sameGVKN && id.effectiveNamespace == target.effectiveNamespace
            }
            return sameGVKN
        })
        if matches.count > 1 {
            throw OverlayError("found \(matches.count) resId matches for var \(variable.name) (unable to disambiguate)")
        }
        if let index = matches.first { accumulator.resources[index].referringVars.append(variable.name) }
        try accumulator.addVar(variable)
    }
}

/// The `patchesStrategicMerge` list: each patch finds its one target by id.
struct StrategicPatchList {
    var patches: [Resource]
    var custom: CustomSchema?

    func transform(_ resources: inout ResourceList) throws(OverlayError) {
        for patch in patches {
            let id = patch.originalID
            let matches = resources.indices(matchingAnyID: { $0.equals(id) })
            guard matches.count == 1 else {
                let problem = matches.isEmpty ? "no matches for Id \(id)" : "multiple matches for Id \(id)"
                throw OverlayError("\(problem); failed to find unique target for patch \(id)")
            }
            try PatchTransformer.apply(patch, toAll: [resources[matches[0]].currentID], in: &resources, custom: custom)
        }
    }
}

/// Appends the content hash to the names of generated objects that ask for one.
struct NameHashTransformer {
    func transform(_ resources: inout ResourceList) throws(OverlayError) {
        for index in resources.resources.indices where resources[index].needsHashSuffix {
            let suffix = NameHash.suffix(for: resources[index].object)
            resources[index].storePreviousID()
            resources[index].name = "\(resources[index].name)-\(suffix)"
        }
    }
}
