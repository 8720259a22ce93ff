import CapstanCore
import Curl

/// Reads the server's resource catalogue: aggregated discovery (two requests) when offered,
/// otherwise the legacy documents (one per group version).
struct Discovery {
    static let aggregatedAccept =
        "application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,"
        + "application/json;g=apidiscovery.k8s.io;v=v2beta1;as=APIGroupDiscoveryList,application/json"

    let transport: KubeTransport

    func load() async throws -> RESTMapper {
        async let core = fetch("/api")
        async let groups = fetch("/apis")
        let (coreResponse, groupsResponse) = try await (core, groups)
        if Self.isAggregated(coreResponse), Self.isAggregated(groupsResponse) {
            return RESTMapper(try aggregated(coreResponse, "/api") + aggregated(groupsResponse, "/apis"))
        }
        return RESTMapper(try await legacy(core: coreResponse, groups: groupsResponse))
    }

    private func fetch(_ path: String, accept: String = aggregatedAccept) async throws -> HTTPResponse {
        try await transport.send(KubeRequest(method: "GET", path: path, accept: accept), as: nil)
    }

    static func isAggregated(_ response: HTTPResponse) -> Bool {
        response.header("content-type")?.contains("as=APIGroupDiscoveryList") == true
    }

    private func decode(_ response: HTTPResponse, _ path: String) throws -> JSONValue {
        do { return try JSONValue.parse(response.body) } catch {
            throw KubeClientError.malformedResponse(method: "GET", path: path, reason: "\(error)")
        }
    }

    private func aggregated(_ response: HTTPResponse, _ path: String) throws -> [ResourceMapping] {
        var mappings: [ResourceMapping] = []
        for group in try decode(response, path)["items"]?.arrayValue ?? [] {
            let groupName = group.value(at: ["metadata", "name"])?.stringValue ?? ""
            for version in group["versions"]?.arrayValue ?? [] {
                let versionName = version["version"]?.stringValue ?? ""
                for resource in version["resources"]?.arrayValue ?? [] {
                    guard let name = resource["resource"]?.stringValue,
                        let kind = resource.value(at: ["responseKind", "kind"])?.stringValue
                    else { continue }
                    mappings.append(
                        ResourceMapping(
                            kind: GroupVersionKind(group: groupName, version: versionName, kind: kind), resource: name,
                            namespaced: resource["scope"]?.stringValue == "Namespaced",
                            verbs: (resource["verbs"]?.arrayValue ?? []).compactMap(\.stringValue)))
                }
            }
        }
        return mappings
    }

    private func legacy(core: HTTPResponse, groups: HTTPResponse) async throws -> [ResourceMapping] {
        var groupVersions = (try decode(core, "/api")["versions"]?.arrayValue ?? []).compactMap(\.stringValue)
        for group in try decode(groups, "/apis")["groups"]?.arrayValue ?? [] {
            let preferred = group.value(at: ["preferredVersion", "groupVersion"])?.stringValue
            let versions = (group["versions"]?.arrayValue ?? []).compactMap { $0["groupVersion"]?.stringValue }
            groupVersions += versions.sorted { lhs, _ in lhs == preferred }
        }
        return try await withThrowingTaskGroup(of: (Int, [ResourceMapping]).self) { tasks in
            for (position, groupVersion) in groupVersions.enumerated() {
                tasks.addTask { (position, try await self.resources(of: groupVersion)) }
            }
            var results: [(Int, [ResourceMapping])] = []
            for try await result in tasks { results.append(result) }
            return results.sorted { $0.0 < $1.0 }.flatMap(\.1)
        }
    }

    private func resources(of groupVersion: String) async throws -> [ResourceMapping] {
        let path = groupVersion.contains("/") ? "/apis/\(groupVersion)" : "/api/\(groupVersion)"
        let list = try decode(try await fetch(path, accept: "application/json, */*"), path)
        return (list["resources"]?.arrayValue ?? []).compactMap { resource in
            guard let name = resource["name"]?.stringValue, !name.contains("/"),
                let kind = resource["kind"]?.stringValue
            else { return nil }
            return ResourceMapping(
                kind: GroupVersionKind(apiVersion: groupVersion, kind: kind), resource: name,
                namespaced: resource["namespaced"]?.boolValue ?? false,
                verbs: (resource["verbs"]?.arrayValue ?? []).compactMap(\.stringValue))
        }
    }
}
