import CapstanCore

/// Discovery documents: aggregated v2 when asked for, else the legacy APIVersions / APIGroupList / APIResourceList.
struct Discovery {
    let catalog: ResourceCatalog
    let serverAddress: String

    static let aggregatedType = "application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList"

    func respond(_ segments: [String], accept: String) throws(APIStatus) -> APIResponse {
        let aggregated = accept.contains("g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList")
        switch segments.count {
        case 1 where aggregated:
            return .json(aggregatedList(core: segments[0] == "api"), contentType: Self.aggregatedType)
        case 1 where segments[0] == "api":
            return .json(["kind": "APIVersions", "versions": ["v1"],
                          "serverAddressByClientCIDRs": [["clientCIDR": "0.0.0.0/0", "serverAddress": .string(serverAddress)]]])
        case 1:
            return .json(["kind": "APIGroupList", "apiVersion": "v1",
                          "groups": .array(catalog.groupVersions().filter { !$0.group.isEmpty }.map(group))])
        case 2 where segments[0] == "apis":
            guard let found = catalog.groupVersions().first(where: { $0.group == segments[1] }) else { throw APIStatus.pathNotFound }
            var document = group(found)
            document["kind"] = "APIGroup"
            document["apiVersion"] = "v1"
            return .json(document)
        default:
            let group = segments[0] == "api" ? "" : segments[1]
            let version = segments[segments.count - 1]
            let types = catalog.all.filter { $0.group == group && $0.version == version }
            guard !types.isEmpty else { throw APIStatus.pathNotFound }
            return .json(["kind": "APIResourceList", "apiVersion": "v1",
                          "groupVersion": .string(types[0].groupVersion), "resources": .array(types.flatMap(legacyResources))])
        }
    }

    private func group(_ entry: (group: String, versions: [String])) -> JSONValue {
        let versions: [JSONValue] = entry.versions.map { ["groupVersion": .string("\(entry.group)/\($0)"), "version": .string($0)] }
        return ["name": .string(entry.group), "versions": .array(versions), "preferredVersion": versions[0]]
    }

    private func legacyResources(_ type: ResourceType) -> [JSONValue] {
        var resources: [JSONValue] = [[
            "name": .string(type.plural), "singularName": .string(type.singular), "namespaced": .bool(type.namespaced),
            "kind": .string(type.kind), "verbs": .array(type.verbs.map { .string($0) }),
            "shortNames": .array(type.shortNames.map { .string($0) }), "categories": .array(type.categories.map { .string($0) }),
        ]]
        if type.hasStatus {
            resources.append(["name": .string(type.plural + "/status"), "singularName": "", "namespaced": .bool(type.namespaced),
                              "kind": .string(type.kind), "verbs": ["get", "patch", "update"]])
        }
        if type.hasScale {
            resources.append(["name": .string(type.plural + "/scale"), "singularName": "", "namespaced": .bool(type.namespaced),
                              "group": "autoscaling", "version": "v1", "kind": "Scale", "verbs": ["get", "patch", "update"]])
        }
        return resources
    }

    private func aggregatedList(core: Bool) -> JSONValue {
        let items: [JSONValue] = catalog.groupVersions().filter { $0.group.isEmpty == core }.map { entry in
            let versions: [JSONValue] = entry.versions.map { version in
                let types = catalog.all.filter { $0.group == entry.group && $0.version == version }
                return ["version": .string(version), "freshness": "Current", "resources": .array(types.map(aggregatedResource))]
            }
            return ["metadata": ["name": .string(entry.group)], "versions": .array(versions)]
        }
        return ["kind": "APIGroupDiscoveryList", "apiVersion": "apidiscovery.k8s.io/v2", "metadata": [:], "items": .array(items)]
    }

    private func aggregatedResource(_ type: ResourceType) -> JSONValue {
        let kind: JSONValue = ["group": .string(type.group), "version": .string(type.version), "kind": .string(type.kind)]
        var subresources: [JSONValue] = []
        if type.hasStatus { subresources.append(["subresource": "status", "responseKind": kind, "verbs": ["get", "patch", "update"]]) }
        if type.hasScale {
            subresources.append(["subresource": "scale", "responseKind": ["group": "autoscaling", "version": "v1", "kind": "Scale"],
                                 "verbs": ["get", "patch", "update"]])
        }
        var resource: JSONValue = [
            "resource": .string(type.plural), "responseKind": kind, "scope": type.namespaced ? "Namespaced" : "Cluster",
            "singularResource": .string(type.singular), "verbs": .array(type.verbs.map { .string($0) }),
        ]
        if !type.shortNames.isEmpty { resource["shortNames"] = .array(type.shortNames.map { .string($0) }) }
        if !type.categories.isEmpty { resource["categories"] = .array(type.categories.map { .string($0) }) }
        if !subresources.isEmpty { resource["subresources"] = .array(subresources) }
        return resource
    }
}
