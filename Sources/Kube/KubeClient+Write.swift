import CapstanCore

extension KubeClient {
    /// Server-side apply: `PATCH` with `application/apply-patch+yaml` and the object as JSON.
    public func apply(_ object: JSONValue, options: ApplyOptions = ApplyOptions()) async throws -> ApplyResult {
        guard let kind = GroupVersionKind(of: object), let name = object.value(at: ["metadata", "name"])?.stringValue else {
            throw KubeClientError.invalidObject(reason: "an applied object needs apiVersion, kind and metadata.name")
        }
        let mapping = try await mapping(for: kind)
        let namespace = self.namespace(for: mapping, object.value(at: ["metadata", "namespace"])?.stringValue)
        var body = object
        if let namespace, object.value(at: ["metadata", "namespace"])?.stringValue != namespace {
            body.setValue(.string(namespace), at: ["metadata", "namespace"])
        }
        var query = [("fieldManager", options.fieldManager), ("force", options.force ? "true" : "false")]
        if options.dryRun { query.append(("dryRun", "All")) }
        if let validation = options.fieldValidation { query.append(("fieldValidation", validation)) }
        let request = KubeRequest(
            method: "PATCH", path: mapping.objectPath(namespace: namespace, name: name), query: query,
            body: CanonicalJSON.bytes(of: body), contentType: "application/apply-patch+yaml")
        let response = try await transport.send(request, as: impersonation)
        do {
            return ApplyResult(object: try parser.parse(response.body), created: response.status == 201)
        } catch {
            throw KubeClientError.malformedResponse(method: "PATCH", path: request.path, reason: "\(error)")
        }
    }

    /// Deletes one object; returns what the server answered (the object, or a Status).
    @discardableResult
    public func delete(
        _ kind: GroupVersionKind, namespace: String? = nil, name: String,
        propagationPolicy: PropagationPolicy = .background, dryRun: Bool = false
    ) async throws -> JSONValue {
        let mapping = try await mapping(for: kind)
        var options: JSONValue = [
            "apiVersion": "v1", "kind": "DeleteOptions", "propagationPolicy": .string(propagationPolicy.rawValue),
        ]
        if dryRun { options["dryRun"] = ["All"] }
        let request = KubeRequest(
            method: "DELETE", path: mapping.objectPath(namespace: self.namespace(for: mapping, namespace), name: name),
            query: dryRun ? [("dryRun", "All")] : [], body: Array(options.serialized().utf8), contentType: "application/json")
        return try await json(request)
    }
}
