import CapstanCore
import Foundation

extension KubeAPI {
    func patch(_ path: ResourcePath, _ request: APIRequest) throws(APIStatus) -> APIResponse {
        let mediaType = request.contentType.split(separator: ";").first.map { String($0).trimmingCharacters(in: .whitespaces) } ?? ""
        if mediaType == "application/apply-patch+yaml" || mediaType == "application/apply-patch+cbor" {
            return try serverSideApply(path, request)
        }
        let patch = try decodeBody(request.body)
        let transform: (JSONValue) throws(APIStatus) -> JSONValue
        switch mediaType {
        case "application/json-patch+json":
            transform = { target throws(APIStatus) in try self.engine.jsonPatch(patch, to: target) }
        case "application/merge-patch+json":
            transform = { target throws(APIStatus) in try self.engine.mergePatch(patch, to: target) }
        case "application/strategic-merge-patch+json":
            guard catalog.isBuiltin(path.type) else {
                throw APIStatus(code: 415, reason: "UnsupportedMediaType",
                                message: "strategic merge patch is not supported for \(path.type.groupKind) locally, try --type merge")
            }
            transform = { target throws(APIStatus) in try self.engine.strategicMergePatch(patch, to: target, type: path.type) }
        default:
            throw APIStatus.unsupportedMediaType(
                request.contentType, accepted: "application/json-patch+json, application/merge-patch+json, "
                    + "application/apply-patch+yaml, application/strategic-merge-patch+json")
        }
        if path.subresource == "scale" { return try writeScale(path, request, transform) }
        return try modify(path, request) { current throws(APIStatus) in
            let patched = try transform(self.served(current, as: path.type))
            guard case .object = patched else { throw APIStatus.badRequest("the patch did not produce an object") }
            return patched
        }
    }

    private func serverSideApply(_ path: ResourcePath, _ request: APIRequest) throws(APIStatus) -> APIResponse {
        guard let manager = request.query["fieldManager"], !manager.isEmpty else {
            throw APIStatus.badRequest("PATCH requests of type application/apply-patch+yaml must include fieldManager")
        }
        var config = try decodeObject(request, path.type)
        if config.value(at: ["metadata", "managedFields"]) != nil {
            throw APIStatus.badRequest("metadata.managedFields must be nil")
        }
        let configName = config.value(at: ["metadata", "name"])?.stringValue ?? ""
        if configName != path.name {
            throw APIStatus.badRequest("the name of the object (\(configName)) does not match the name on the URL (\(path.name ?? ""))")
        }
        try placeInNamespace(&config, path)
        let force = request.query["force"] == "true"
        let context = managerContext(request, path)
        let name = path.name!
        let existed = store.get(path.type.storageKey, namespace: path.namespace ?? "", name: name) != nil
        if !existed { try checkNamespace(path, name: name) }
        let serviceLock = existed ? nil : lockForAddresses(path.type)
        defer { serviceLock?.unlock() }
        let inUse = serviceLock == nil ? nil : addressesInUse()
        let outcome = try store.write(path.type.storageKey, namespace: path.namespace ?? "", name: name) { current throws(APIStatus) in
            guard let current else {
                guard path.subresource == nil else { throw APIStatus.notFound(path.type, name: name) }
                var created = try self.engine.apply(config, to: nil, type: path.type, context: context, force: force)
                created = ObjectRules.prepareCreate(created, type: path.type, now: context.time)
                if let inUse { try ServiceAddresses.assign(&created, inUse: inUse, type: path.type, name: name) }
                try self.validate(created, path.type, name: name)
                return request.isDryRun ? .keep(created, created: true) : .put(created)
            }
            try self.checkPrecondition(config, current, path)
            let merged = try self.engine.apply(config, to: self.served(current, as: path.type), type: path.type,
                                               context: context, force: force)
            var next = ObjectRules.prepareUpdate(merged, old: current, type: path.type, subresource: path.subresource)
            try self.keepAddresses(&next, old: current, path.type, name: name)
            try self.validate(next, path.type, name: name)
            return self.decide(next, current: current, dryRun: request.isDryRun)
        }
        afterWrite(path.type, outcome, dryRun: request.isDryRun)
        return .json(served(outcome.object, as: path.type), status: outcome.created ? 201 : 200)
    }

    /// Writes through the scale subresource: `change` edits the `Scale` view, whose replicas go to the spec.
    func writeScale(_ path: ResourcePath, _ request: APIRequest, _ change: @escaping (JSONValue) throws(APIStatus) -> JSONValue)
        throws(APIStatus) -> APIResponse
    {
        try modify(path, request) { current throws(APIStatus) in
            let scale = try change(Scale.from(current, type: path.type))
            var next = current
            if let replicas = scale.value(at: ["spec", "replicas"]) { next.setValue(replicas, at: ["spec", "replicas"]) }
            if let version = scale.value(at: ["metadata", "resourceVersion"]) {
                next.setValue(version, at: ["metadata", "resourceVersion"])
            }
            return next
        }
    }
}
