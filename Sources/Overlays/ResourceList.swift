import CapstanCore

/// The ordered resources of a build (kustomize's ResMap): ids unique, order as loaded.
public struct ResourceList: Sendable, Equatable {
    public private(set) var resources: [Resource] = []
    /// How many resources have each current id (in comparable form), so adding one does not scan
    /// the list; kept up to date by every mutation below.
    private var keys: [String: Int] = [:]

    public init(_ resources: [Resource] = []) {
        self.resources = resources
        for resource in resources { keys[resource.currentID.comparisonKey, default: 0] += 1 }
    }

    private mutating func forget(_ resource: Resource) {
        let key = resource.currentID.comparisonKey
        keys[key, default: 0] -= 1
        if keys[key] == 0 { keys[key] = nil }
    }

    public var count: Int { resources.count }

    /// Adds a resource, refusing one whose current id is already present.
    mutating func append(_ resource: Resource) throws(OverlayError) {
        let id = resource.currentID
        if keys[id.comparisonKey] != nil {
            throw OverlayError("may not add resource with an already registered id: \(id)")
        }
        resources.append(resource)
        keys[id.comparisonKey, default: 0] += 1
    }

    mutating func append(contentsOf other: ResourceList) throws(OverlayError) {
        for resource in other.resources { try append(resource) }
    }

    /// Adds generated resources, merging or replacing same-named ones as their behavior says.
    mutating func absorb(_ other: ResourceList) throws(OverlayError) {
        for resource in other.resources { try absorb(resource) }
    }

    private mutating func absorb(_ incoming: Resource) throws(OverlayError) {
        let id = incoming.currentID
        let matches = indices(matchingAnyID: { $0.equals(id) })
        switch matches.count {
        case 0:
            if incoming.behavior == .merge || incoming.behavior == .replace {
                throw OverlayError("id \(id.goSyntax) does not exist; cannot merge or replace")
            }
            try append(incoming)
        case 1:
            let index = matches[0]
            let old = resources[index]
            var merged = incoming
            switch incoming.behavior {
            case .replace:
                merged.copyMetadata(from: old)
            case .merge:
                merged.copyMetadata(from: old)
                merged.mergeData(from: old, key: "data")
                merged.mergeData(from: old, key: "binaryData")
                if let origin = old.origin { merged.origin = origin }
            default:
                throw OverlayError("id \(id.goSyntax) exists; behavior must be merge or replace")
            }
            self[index] = merged
        default:
            throw OverlayError("found multiple objects that could accept merge of \(id)")
        }
    }

    /// Positions of resources any of whose ids (past or current) satisfy `matches`.
    func indices(matchingAnyID matches: (ResourceID) -> Bool) -> [Int] {
        resources.indices.filter { resources[$0].allIDs.contains(where: matches) }
    }

    /// Positions of resources whose current id satisfies `matches`.
    func indices(matchingCurrentID matches: (ResourceID) -> Bool) -> [Int] {
        resources.indices.filter { matches(resources[$0].currentID) }
    }

    subscript(index: Int) -> Resource {
        get { resources[index] }
        set {
            forget(resources[index])
            resources[index] = newValue
            keys[newValue.currentID.comparisonKey, default: 0] += 1
        }
    }

    /// Whether exactly one resource has this current id.
    func isUnique(_ id: ResourceID) -> Bool { keys[id.comparisonKey] == 1 }

    mutating func remove(at index: Int) {
        forget(resources[index])
        resources.remove(at: index)
    }

    mutating func removeAll(where shouldRemove: (Resource) -> Bool) {
        self = ResourceList(resources.filter { !shouldRemove($0) })
    }

    mutating func replaceAll(_ resources: [Resource]) {
        self = ResourceList(resources)
    }

    /// Positions of resources a patch or replacement target selects.
    func select(_ selector: Selector) throws(OverlayError) -> [Int] {
        let matcher = try SelectorMatcher(selector)
        return resources.indices.filter { matcher.matches(resources[$0]) }
    }
}

extension Resource {
    /// What a generator's replace or merge keeps from the object it replaces.
    mutating func copyMetadata(from old: Resource) {
        var mergedLabels = old.labels
        for (key, value) in labels { mergedLabels[key] = value }
        labels = mergedLabels
        var mergedAnnotations = old.annotations
        for (key, value) in annotations { mergedAnnotations[key] = value }
        annotations = mergedAnnotations
        let keepHash = needsHashSuffix
        name = old.name
        namespace = old.namespace
        previousIDs = old.previousIDs
        prefixes = old.prefixes
        suffixes = old.suffixes
        referencedBy = old.referencedBy
        allowsNameChange = old.allowsNameChange
        allowsKindChange = old.allowsKindChange
        behavior = old.behavior
        needsHashSuffix = keepHash && old.needsHashSuffix
        referringVars = old.referringVars
        transformations = old.transformations
        if origin == nil { origin = old.origin }
    }

    mutating func mergeData(from old: Resource, key: String) {
        let mine = object[key]?.objectValue ?? [:]
        var merged = old.object[key]?.objectValue ?? [:]
        for (name, value) in mine { merged[name] = value }
        if !merged.isEmpty { object[key] = .object(merged) }
    }
}

extension ResourceID {
    /// Go's `%#v` of a ResId, as kustomize's generator errors print it.
    var goSyntax: String {
        "resid.ResId{Gvk:resid.Gvk{Group:\"\(gvk.group)\", Version:\"\(gvk.version)\", Kind:\"\(gvk.kind)\", isClusterScoped:\(gvk.isClusterScoped)}, Name:\"\(name)\", Namespace:\"\(namespace)\"}"
    }
}
