import CapstanCore
import Manifests

extension KubeAPI {
    /// The request body as a JSON object of the URL's kind, or the 400 the real server sends.
    func decodeObject(_ request: APIRequest, _ type: ResourceType) throws(APIStatus) -> JSONValue {
        let object = try decodeBody(request.body, contentType: request.contentType)
        guard case .object = object else {
            throw APIStatus.badRequest("the object provided is unrecognized: couldn't get version/kind; json parse error: expected an object")
        }
        try checkKind(object, type)
        return object
    }

    /// JSON, or YAML (one document) when the content type says so, as the real server reads both.
    func decodeBody(_ body: [UInt8], contentType: String = "application/json") throws(APIStatus) -> JSONValue {
        guard body.count <= options.maxBodyBytes else { throw APIStatus.tooLarge(options.maxBodyBytes) }
        let start = body.firstIndex { !" \t\r\n".utf8.contains($0) }
        guard let start else { throw APIStatus.badRequest("the body of the request was empty") }
        do {
            return try JSONValue.parse(body)
        } catch {
            if contentType.contains("yaml") { return try decodeYAML(body) }
            throw APIStatus.badRequest("the object provided is unrecognized: couldn't get version/kind; json parse error: \(error.reason)")
        }
    }

    private func decodeYAML(_ body: [UInt8]) throws(APIStatus) -> JSONValue {
        let values: [JSONValue]
        do {
            values = try ManifestDecoder().decodeValues(body, file: "body")
        } catch {
            throw APIStatus.badRequest("error converting YAML to JSON: \(error)")
        }
        guard values.count == 1 else {
            throw APIStatus.badRequest("error converting YAML to JSON: the body must hold exactly one YAML document")
        }
        return values[0]
    }

    func checkKind(_ object: JSONValue, _ type: ResourceType) throws(APIStatus) {
        let apiVersion = object["apiVersion"]?.stringValue ?? ""
        let kind = object["kind"]?.stringValue ?? ""
        if kind.isEmpty {
            throw APIStatus.badRequest("Object 'Kind' is missing in '\(object.serialized())'")
        }
        if !apiVersion.isEmpty, apiVersion != type.groupVersion {
            throw APIStatus.badRequest("the API version in the data (\(apiVersion)) does not match the expected API version (\(type.groupVersion))")
        }
        if kind != type.kind {
            let version = apiVersion.split(separator: "/").last.map(String.init) ?? type.version
            throw APIStatus.badRequest("\(kind) in version \"\(version)\" cannot be handled as a \(type.kind): "
                + "the kind in the data (\(kind)) does not match the expected kind (\(type.kind))")
        }
    }

    /// Sets the namespace of a namespaced object from the URL, rejecting a different one in the body.
    func placeInNamespace(_ object: inout JSONValue, _ path: ResourcePath) throws(APIStatus) {
        guard path.type.namespaced else {
            object.setValue(.null, at: ["metadata", "namespace"])
            ObjectRules.removeNulls(&object)
            return
        }
        guard let namespace = path.namespace else { throw APIStatus.pathNotFound }
        if let given = object.value(at: ["metadata", "namespace"])?.stringValue, !given.isEmpty, given != namespace {
            throw APIStatus.badRequest("the namespace of the provided object does not match the namespace sent on the request")
        }
        object.setValue(.string(namespace), at: ["metadata", "namespace"])
    }

    /// Namespaced writes need an existing namespace that is not terminating.
    func checkNamespace(_ path: ResourcePath, name: String) throws(APIStatus) {
        guard path.type.namespaced, let namespace = path.namespace else { return }
        guard let object = store.get("/namespaces", namespace: "", name: namespace) else {
            throw APIStatus.namespaceNotFound(namespace)
        }
        if object.value(at: ["metadata", "deletionTimestamp"]) != nil {
            throw APIStatus.forbiddenTerminating(path.type, name: name, namespace: namespace)
        }
    }

    /// The field manager of a write: the query's, else the User-Agent up to the first `/`.
    func managerContext(_ request: APIRequest, _ path: ResourcePath) -> FieldManagerContext {
        let manager = request.query["fieldManager"].flatMap { $0.isEmpty ? nil : $0 }
            ?? String(request.userAgent.prefix { $0 != "/" })
        return FieldManagerContext(manager: manager, apiVersion: path.type.groupVersion, subresource: path.subresource,
                                   time: Clock.now())
    }
}
