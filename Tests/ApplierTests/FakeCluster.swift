import Applier
import CapstanCore

/// An in-memory API at the ClusterClient seam: stores applied objects, plays the controllers, injects faults.
actor FakeCluster: ClusterClient {
    private(set) var objects: [ObjectIdentity: JSONValue] = [:]
    private(set) var writes = 0
    private(set) var applyOrder: [ObjectIdentity] = []
    private var mappings: [String: KindMapping] = FakeCluster.builtinMappings
    func setMapping(_ key: String, _ mapping: KindMapping) { mappings[key] = mapping }
    /// Object names the server refuses, with its message.
    var rejections: [String: String] = [:]
    /// Deployments that never become available.
    var unavailable: Set<String> = []
    /// How many of the next requests fail as if the connection dropped.
    var failuresLeft = 0

    func reject(_ name: String, _ message: String) { rejections[name] = message }
    func keepUnavailable(_ name: String) { unavailable.insert(name) }
    func dropConnections(_ count: Int) { failuresLeft = count }

    func mapping(apiVersion: String, kind: String) async throws(ClusterError) -> KindMapping? {
        try fault()
        return mappings["\(apiVersion)/\(kind)"]
    }

    func get(_ reference: ObjectReference) async throws(ClusterError) -> JSONValue? {
        try fault()
        return objects[reference.identity]
    }

    func list(apiVersion: String, kind: String, namespace: String?, labelSelector: String?) async throws(ClusterError) -> [JSONValue] {
        try fault()
        return objects.values.filter { object in
            guard let reference = ObjectReference(of: object), reference.kind == kind, reference.apiVersion == apiVersion else { return false }
            if let namespace, reference.namespace != namespace { return false }
            guard let labelSelector else { return true }
            return Self.matches(labelSelector, labels: object.value(at: ["metadata", "labels"])?.objectValue ?? [:])
        }
    }

    /// Equality-based selectors as the API server reads them: `key`, `key=value`, `key!=value`, comma-separated.
    static func matches(_ selector: String, labels: [String: JSONValue]) -> Bool {
        selector.split(separator: ",").allSatisfy { requirement in
            if let range = requirement.range(of: "!=") {
                return labels[String(requirement[..<range.lowerBound])]?.stringValue != String(requirement[range.upperBound...])
            }
            if let range = requirement.range(of: "=") {
                return labels[String(requirement[..<range.lowerBound])]?.stringValue == String(requirement[range.upperBound...])
            }
            return labels[String(requirement)] != nil
        }
    }

    func apply(_ object: JSONValue, fieldManager: String, force: Bool, dryRun: Bool) async throws(ClusterError) -> JSONValue {
        try fault()
        let reference = ObjectReference(of: object)!
        if let message = rejections[reference.name] { throw .rejected(code: 422, message: message) }
        guard mappings["\(reference.apiVersion)/\(reference.kind)"] != nil else {
            throw .rejected(code: 404, message: "the server could not find the requested resource")
        }
        var stored = object
        let previous = objects[reference.identity]
        let generation = (previous?.value(at: ["metadata", "generation"])?.intValue ?? 0) + (previous?["spec"] == object["spec"] ? 0 : 1)
        stored.setValue(.int(max(generation, 1)), at: ["metadata", "generation"])
        stored = controllerStatus(stored)
        if dryRun { return stored }
        writes += 1
        applyOrder.append(reference.identity)
        objects[reference.identity] = stored
        registerIfCRD(stored)
        return stored
    }

    func delete(_ reference: ObjectReference) async throws(ClusterError) {
        try fault()
        writes += 1
        objects[reference.identity] = nil
    }

    /// Changes a live object behind Capstan's back (drift), as `kubectl edit` would.
    func edit(_ identity: ObjectIdentity, _ path: [String], _ value: JSONValue) {
        objects[identity]?.setValue(value, at: path)
    }

    /// Stores an object without counting a write, as if another tool had made it.
    func seed(_ object: JSONValue) {
        objects[ObjectIdentity(of: object)!] = controllerStatus(object)
    }

    private func fault() throws(ClusterError) {
        guard failuresLeft > 0 else { return }
        failuresLeft -= 1
        throw .unreachable("connection reset by peer")
    }
}
