import CapstanCore

extension KubeAPI {
    static let definitionsKey = "apiextensions.k8s.io/customresourcedefinitions"

    /// Keeps the catalog in step with CustomResourceDefinitions: serve on create, drop kind and objects on delete.
    func afterWrite(_ type: ResourceType, _ outcome: WriteOutcome, dryRun: Bool) {
        guard !dryRun, type.storageKey == Self.definitionsKey,
            let name = outcome.object.value(at: ["metadata", "name"])?.stringValue
        else { return }
        let types = Self.definedTypes(outcome.object)
        if outcome.deleted {
            catalog.unregister(definition: name)
            for key in Set(types.map(\.storageKey)) { store.removeAll(key) }
            return
        }
        catalog.register(definition: name, types: types)
        markEstablished(outcome.object, name: name)
    }

    /// The kinds a CustomResourceDefinition serves, one per served version.
    static func definedTypes(_ definition: JSONValue) -> [ResourceType] {
        guard let spec = definition["spec"], let group = spec["group"]?.stringValue,
            let names = spec["names"], let plural = names["plural"]?.stringValue, let kind = names["kind"]?.stringValue
        else { return [] }
        return (spec["versions"]?.arrayValue ?? []).compactMap { version in
            guard version["served"] != false, let name = version["name"]?.stringValue else { return nil }
            var type = ResourceType(
                group: group, version: name, kind: kind, plural: plural,
                namespaced: spec["scope"]?.stringValue != "Cluster",
                shortNames: names["shortNames"]?.arrayValue?.compactMap(\.stringValue) ?? [],
                categories: names["categories"]?.arrayValue?.compactMap(\.stringValue) ?? [],
                hasStatus: version.value(at: ["subresources", "status"]) != nil,
                hasScale: version.value(at: ["subresources", "scale"]) != nil, usesGeneration: true)
            type.singular = names["singular"]?.stringValue ?? kind.lowercased()
            type.schema = version.value(at: ["schema", "openAPIV3Schema"])
            type.printerColumns = version["additionalPrinterColumns"] ?? []
            return type
        }
    }

    private func markEstablished(_ definition: JSONValue, name: String) {
        let conditions = definition.value(at: ["status", "conditions"])?.arrayValue ?? []
        if conditions.contains(where: { $0["type"] == "Established" }),
            definition.value(at: ["status", "acceptedNames"]) == definition.value(at: ["spec", "names"])
        { return }
        _ = try? store.write(Self.definitionsKey, namespace: "", name: name) { current throws(APIStatus) in
            guard var next = current else { return .keep(.null, created: false) }
            let now = Clock.now()
            func condition(_ type: String, _ reason: String, _ message: String) -> JSONValue {
                ["type": .string(type), "status": "True", "lastTransitionTime": .string(now), "reason": .string(reason),
                 "message": .string(message)]
            }
            next["status"] = [
                "acceptedNames": next.value(at: ["spec", "names"]) ?? [:],
                "storedVersions": .array((next.value(at: ["spec", "versions"])?.arrayValue ?? [])
                    .filter { $0["storage"] == true }.compactMap { $0["name"] }),
                "conditions": [
                    condition("NamesAccepted", "NoConflicts", "no conflicts found"),
                    condition("Established", "InitialNamesAccepted", "the initial names have been accepted"),
                ],
            ]
            return .put(next)
        }
    }

    /// Serves the kinds of every stored definition again (after a restore from `--state`).
    func registerStoredDefinitions() {
        for (_, definition) in store.list(Self.definitionsKey, namespace: nil).items {
            guard let name = definition.value(at: ["metadata", "name"])?.stringValue else { continue }
            catalog.register(definition: name, types: Self.definedTypes(definition))
        }
    }
}
