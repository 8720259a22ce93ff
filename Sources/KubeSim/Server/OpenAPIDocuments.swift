import CapstanCore

/// `/openapi/v3` and its per-group-version documents: just enough for kubectl to find each kind's PATCH
/// operation and its `fieldValidation` parameter, so `kubectl apply` validates on the server.
struct OpenAPIDocuments {
    let catalog: ResourceCatalog
    let minor: Int

    func respond(_ segments: [String], query: [String: String]) throws(APIStatus) -> APIResponse {
        guard segments.first == "v3" else { throw APIStatus.pathNotFound }
        let rest = Array(segments.dropFirst())
        if rest.isEmpty {
            var paths: [String: JSONValue] = [:]
            for (group, versions) in catalog.groupVersions() {
                for version in versions {
                    let key = group.isEmpty ? "api/\(version)" : "apis/\(group)/\(version)"
                    paths[key] = ["serverRelativeURL": .string("/openapi/v3/\(key)?hash=\(hash(group, version))")]
                }
            }
            return withCache(.json(["paths": .object(paths)]), "no-cache, private")
        }
        let group: String
        let version: String
        switch (rest.first, rest.count) {
        case ("api", 2): (group, version) = ("", rest[1])
        case ("apis", 3): (group, version) = (rest[1], rest[2])
        default: throw APIStatus.pathNotFound
        }
        let types = catalog.all.filter { $0.group == group && $0.version == version }
        guard !types.isEmpty else { throw APIStatus.pathNotFound }
        let current = query["hash"] == hash(group, version)
        return withCache(.json(document(types)), current ? "public, immutable" : "no-cache, private")
    }

    private func withCache(_ response: APIResponse, _ value: String) -> APIResponse {
        var response = response
        response.headers.append(("Cache-Control", value))
        return response
    }

    /// Changes whenever the served kinds of the group-version change.
    func hash(_ group: String, _ version: String) -> String {
        var value: UInt64 = 0xcbf2_9ce4_8422_2325
        let text = catalog.all.filter { $0.group == group && $0.version == version }
            .map { "\($0.kind)|\($0.plural)|\($0.namespaced)|\($0.hasStatus)|\($0.hasScale)" }.joined(separator: ";") + "\(minor)"
        for byte in text.utf8 {
            value = (value ^ UInt64(byte)) &* 0x100_0000_01b3
        }
        let hex = String(value, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex + String(repeating: "0", count: 16)
    }

    private func document(_ types: [ResourceType]) -> JSONValue {
        var paths: [String: JSONValue] = [:]
        var schemas: [String: JSONValue] = [:]
        for type in types {
            let gvk: JSONValue = ["group": .string(type.group), "version": .string(type.version), "kind": .string(type.kind)]
            let collection = type.namespaced
                ? "\(type.groupVersionPath)/namespaces/{namespace}/\(type.plural)" : "\(type.groupVersionPath)/\(type.plural)"
            paths[collection + "/{name}"] = ["patch": patchOperation(type, gvk)]
            schemas[schemaName(type)] = ["type": "object", "x-kubernetes-group-version-kind": [gvk]]
        }
        return ["openapi": "3.0.0", "info": ["title": "Kubernetes", "version": .string("v1.\(minor).4")],
                "paths": .object(paths), "components": ["schemas": .object(schemas)]]
    }

    private func patchOperation(_ type: ResourceType, _ gvk: JSONValue) -> JSONValue {
        let parameters: [JSONValue] = [("dryRun", "string"), ("fieldManager", "string"), ("fieldValidation", "string"),
                                       ("force", "boolean")].map { name, kind in
            ["name": .string(name), "in": "query", "uniqueItems": true, "schema": ["type": .string(kind)]]
        }
        return [
            "x-kubernetes-action": "patch", "x-kubernetes-group-version-kind": gvk,
            "operationId": .string("patch\(type.kind)"), "parameters": .array(parameters),
            "requestBody": ["content": ["application/apply-patch+yaml": [:], "application/json-patch+json": [:],
                                        "application/merge-patch+json": [:]]],
            "responses": ["200": ["description": "OK"], "201": ["description": "Created"]],
        ]
    }

    private func schemaName(_ type: ResourceType) -> String {
        let group = type.group.isEmpty ? "core" : type.group.split(separator: ".").first.map(String.init) ?? type.group
        return "io.k8s.api.\(group).\(type.version).\(type.kind)"
    }
}
