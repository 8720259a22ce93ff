import CapstanCore

extension KubeAPI {
    func create(_ path: ResourcePath, _ request: APIRequest) throws(APIStatus) -> APIResponse {
        guard path.subresource == nil else { throw APIStatus.methodNotAllowed(request.method) }
        var object = try decodeObject(request, path.type)
        if path.type.isReview { return .json(Self.allowed(object), status: 201) }
        try placeInNamespace(&object, path)
        object = ObjectRules.prepareCreate(object, type: path.type, now: Clock.now())
        let name = object.value(at: ["metadata", "name"])?.stringValue ?? ""
        try validate(object, path.type, name: name)
        try checkNamespace(path, name: name)
        let serviceLock = lockForAddresses(path.type)
        defer { serviceLock?.unlock() }
        try assignAddresses(&object, path.type, name: name)
        object = engine.recordUpdate(from: nil, to: object, type: path.type, context: managerContext(request, path))
        let outcome = try store.write(path.type.storageKey, namespace: path.namespace ?? "", name: name) { current throws(APIStatus) in
            if current != nil { throw APIStatus.alreadyExists(path.type, name: name) }
            return request.isDryRun ? .keep(object, created: true) : .put(object)
        }
        afterWrite(path.type, outcome, dryRun: request.isDryRun)
        return .json(served(outcome.object, as: path.type), status: 201)
    }

    /// The emulator authorizes everything it authenticates: every review is allowed.
    static func allowed(_ review: JSONValue) -> JSONValue {
        var review = review
        review["status"] = ["allowed": true, "reason": "capstan-kubesim allows every authenticated request"]
        return review
    }

    func update(_ path: ResourcePath, _ request: APIRequest) throws(APIStatus) -> APIResponse {
        var body = try decodeBody(request.body, contentType: request.contentType)
        if path.subresource == "scale" {
            return try writeScale(path, request) { _ throws(APIStatus) in body }
        }
        try checkKind(body, path.type)
        try placeInNamespace(&body, path)
        let bodyName = body.value(at: ["metadata", "name"])?.stringValue ?? ""
        if bodyName != path.name {
            throw APIStatus.badRequest("the name of the object (\(bodyName)) does not match the name on the URL (\(path.name ?? ""))")
        }
        return try modify(path, request) { _ throws(APIStatus) in body }
    }

    /// The shared read-modify-write of PUT and non-apply PATCH: `change` maps the live object to the requested one.
    func modify(_ path: ResourcePath, _ request: APIRequest, _ change: (JSONValue) throws(APIStatus) -> JSONValue)
        throws(APIStatus) -> APIResponse
    {
        let context = managerContext(request, path)
        let outcome = try store.write(path.type.storageKey, namespace: path.namespace ?? "", name: path.name!) {
            current throws(APIStatus) in
            guard let current else { throw APIStatus.notFound(path.type, name: path.name!) }
            let requested = try change(current)
            try checkPrecondition(requested, current, path)
            var next = ObjectRules.prepareUpdate(requested, old: current, type: path.type, subresource: path.subresource)
            try keepAddresses(&next, old: current, path.type, name: path.name!)
            try validate(next, path.type, name: path.name!)
            next = engine.recordUpdate(from: current, to: next, type: path.type, context: context)
            return decide(next, current: current, dryRun: request.isDryRun)
        }
        afterWrite(path.type, outcome, dryRun: request.isDryRun)
        if path.subresource == "scale" { return .json(Scale.from(outcome.object, type: path.type)) }
        return .json(served(outcome.object, as: path.type))
    }

    /// No-ops keep the stored object (and its resourceVersion); finished deletions remove it.
    func decide(_ next: JSONValue, current: JSONValue, dryRun: Bool) -> WriteDecision {
        if ObjectRules.sameContent(next, current) { return .keep(current, created: false) }
        let finalizers = next.value(at: ["metadata", "finalizers"])?.arrayValue ?? []
        if next.value(at: ["metadata", "deletionTimestamp"]) != nil, finalizers.isEmpty,
            next["kind"] != "Namespace" || (next.value(at: ["spec", "finalizers"])?.arrayValue ?? []).isEmpty
        {
            return dryRun ? .keep(next, created: false) : .remove
        }
        if dryRun {
            var preview = next
            preview.setValue(current.value(at: ["metadata", "resourceVersion"]) ?? "", at: ["metadata", "resourceVersion"])
            return .keep(preview, created: false)
        }
        return .put(next)
    }

    /// A resourceVersion in the request must match the stored one.
    func checkPrecondition(_ requested: JSONValue, _ current: JSONValue, _ path: ResourcePath) throws(APIStatus) {
        guard let wanted = requested.value(at: ["metadata", "resourceVersion"])?.stringValue, !wanted.isEmpty else { return }
        if wanted != current.value(at: ["metadata", "resourceVersion"])?.stringValue {
            throw APIStatus.staleVersion(path.type, name: path.name ?? "")
        }
    }

    func validate(_ object: JSONValue, _ type: ResourceType, name: String) throws(APIStatus) {
        var causes: [(field: String, message: String)] = []
        if name.isEmpty {
            causes.append(("metadata.name", "Required value: name or generateName is required"))
        } else {
            for problem in NameValidation.problems(name, label: NameValidation.usesLabel(type)) {
                causes.append(("metadata.name", "Invalid value: \"\(name)\": \(problem)"))
            }
        }
        causes += WorkloadValidation.problems(object, type)
        if !causes.isEmpty { throw APIStatus.invalid(type, name: name, causes: causes) }
    }
}
