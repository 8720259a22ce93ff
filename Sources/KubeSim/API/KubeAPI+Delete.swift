import CapstanCore

extension KubeAPI {
    func delete(_ path: ResourcePath, _ request: APIRequest) throws(APIStatus) -> APIResponse {
        guard path.subresource == nil else { throw APIStatus.methodNotAllowed(request.method) }
        let options = try DeleteOptions(request) { body throws(APIStatus) in try self.decodeBody(body) }
        let outcome = try deleteObject(path.type, namespace: path.namespace ?? "", name: path.name!, options: options)
        if outcome.deleted {
            var details = APIStatus.identity(path.type, name: path.name!)
            details["uid"] = outcome.object.value(at: ["metadata", "uid"])
            return .json(["kind": "Status", "apiVersion": "v1", "metadata": [:], "status": "Success", "details": details])
        }
        return .json(served(outcome.object, as: path.type))
    }

    /// Deletes at once, or marks for deletion when finalizers (or the propagation policy) ask to wait.
    func deleteObject(_ type: ResourceType, namespace: String, name: String, options: DeleteOptions) throws(APIStatus) -> WriteOutcome {
        let outcome = try store.write(type.storageKey, namespace: namespace, name: name) { current throws(APIStatus) in
            guard let current else { throw APIStatus.notFound(type, name: name) }
            try options.check(current, type: type, name: name)
            var finalizers = current.value(at: ["metadata", "finalizers"])?.arrayValue ?? []
            switch options.propagationPolicy {
            case "Foreground" where !finalizers.contains("foregroundDeletion"): finalizers.append("foregroundDeletion")
            case "Orphan" where !finalizers.contains("orphan"): finalizers.append("orphan")
            default: break
            }
            let isNamespace = type.storageKey == "/namespaces"
            guard !finalizers.isEmpty || isNamespace else {
                return options.dryRun ? .keep(current, created: false) : .remove
            }
            if current.value(at: ["metadata", "deletionTimestamp"]) != nil { return .keep(current, created: false) }
            var next = current
            next.setValue(.string(Clock.now()), at: ["metadata", "deletionTimestamp"])
            next.setValue(0, at: ["metadata", "deletionGracePeriodSeconds"])
            if !finalizers.isEmpty { next.setValue(.array(finalizers), at: ["metadata", "finalizers"]) }
            if isNamespace { next.setValue("Terminating", at: ["status", "phase"]) }
            return options.dryRun ? .keep(next, created: false) : .put(next)
        }
        afterWrite(type, outcome, dryRun: options.dryRun)
        return outcome
    }

    func deleteCollection(_ path: ResourcePath, _ request: APIRequest) throws(APIStatus) -> APIResponse {
        let options = try DeleteOptions(request) { body throws(APIStatus) in try self.decodeBody(body) }
        let filter = try ObjectFilter(request.query)
        var deleted: [JSONValue] = []
        for (_, object) in store.list(path.type.storageKey, namespace: path.namespace).items where filter.matches(object) {
            let namespace = object.value(at: ["metadata", "namespace"])?.stringValue ?? ""
            let name = object.value(at: ["metadata", "name"])?.stringValue ?? ""
            if let outcome = try? deleteObject(path.type, namespace: namespace, name: name, options: options) {
                deleted.append(served(outcome.object, as: path.type))
            }
        }
        return .json(["kind": .string(path.type.kind + "List"), "apiVersion": .string(path.type.groupVersion),
                      "metadata": ["resourceVersion": .string(String(store.resourceVersion))], "items": .array(deleted)])
    }
}

/// `DeleteOptions` from the body and the query.
struct DeleteOptions {
    var propagationPolicy: String?
    var dryRun = false
    var uid: String?
    var resourceVersion: String?

    init(_ request: APIRequest, decode: ([UInt8]) throws(APIStatus) -> JSONValue) throws(APIStatus) {
        let trimmed = request.body.filter { !" \t\r\n".utf8.contains($0) }
        var body = JSONValue.object([:])
        if !trimmed.isEmpty { body = try decode(request.body) }
        propagationPolicy = body["propagationPolicy"]?.stringValue ?? request.query["propagationPolicy"]
        if propagationPolicy == nil, body["orphanDependents"] == true { propagationPolicy = "Orphan" }
        dryRun = request.isDryRun || body["dryRun"]?.arrayValue?.contains("All") == true
        uid = body.value(at: ["preconditions", "uid"])?.stringValue
        resourceVersion = body.value(at: ["preconditions", "resourceVersion"])?.stringValue
        if let policy = propagationPolicy, !["Background", "Foreground", "Orphan"].contains(policy) {
            throw APIStatus.badRequest("DeleteOptions.meta.k8s.io \"\" is invalid: propagationPolicy: Unsupported value: \"\(policy)\": supported values: \"Foreground\", \"Background\", \"Orphan\", \"nil\"")
        }
    }

    func check(_ current: JSONValue, type: ResourceType, name: String) throws(APIStatus) {
        let currentUID = current.value(at: ["metadata", "uid"])?.stringValue ?? ""
        if let uid, uid != currentUID {
            throw APIStatus(code: 409, reason: "Conflict",
                            message: "Operation cannot be fulfilled on \(type.groupResource) \"\(name)\": Precondition failed: UID in precondition: \(uid), UID in object meta: \(currentUID)",
                            details: APIStatus.identity(type, name: name))
        }
        if let resourceVersion, resourceVersion != current.value(at: ["metadata", "resourceVersion"])?.stringValue {
            throw APIStatus.staleVersion(type, name: name)
        }
    }
}
