import CapstanCore

/// A page-joined list: the items and the resourceVersion to watch from.
public struct ObjectList: Sendable {
    public var items: [JSONValue]
    public var resourceVersion: String
}

extension KubeClient {
    /// One object by kind, namespace and name.
    public func get(_ kind: GroupVersionKind, namespace: String? = nil, name: String) async throws -> JSONValue {
        let mapping = try await mapping(for: kind)
        let path = mapping.objectPath(namespace: self.namespace(for: mapping, namespace), name: name)
        return try await json(KubeRequest(method: "GET", path: path))
    }

    /// Every object of a kind (in one namespace, or all when nil), following `continue` tokens.
    public func list(
        _ kind: GroupVersionKind, namespace: String? = nil, labelSelector: String? = nil, fieldSelector: String? = nil,
        pageSize: Int = 500
    ) async throws -> ObjectList {
        let mapping = try await mapping(for: kind)
        let path = mapping.collectionPath(namespace: mapping.namespaced ? namespace : nil)
        var items: [JSONValue] = []
        var continueToken: String?
        repeat {
            var query: [(String, String)] = [("limit", String(pageSize))]
            if let labelSelector { query.append(("labelSelector", labelSelector)) }
            if let fieldSelector { query.append(("fieldSelector", fieldSelector)) }
            if let continueToken { query.append(("continue", continueToken)) }
            let page = try await json(KubeRequest(method: "GET", path: path, query: query))
            items += (page["items"]?.arrayValue ?? []).map { Self.withKind($0, kind) }
            continueToken = page.value(at: ["metadata", "continue"])?.stringValue.flatMap { $0.isEmpty ? nil : $0 }
            if continueToken == nil {
                return ObjectList(items: items, resourceVersion: page.value(at: ["metadata", "resourceVersion"])?.stringValue ?? "")
            }
        } while true
    }

    /// List items come without apiVersion and kind; fill them in as kubectl does.
    static func withKind(_ item: JSONValue, _ kind: GroupVersionKind) -> JSONValue {
        var item = item
        if item["apiVersion"] == nil { item["apiVersion"] = .string(kind.apiVersion) }
        if item["kind"] == nil { item["kind"] = .string(kind.kind) }
        return item
    }
}
