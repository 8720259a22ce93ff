import CapstanCore
import Foundation

extension KubeAPI {
    func get(_ path: ResourcePath) throws(APIStatus) -> APIResponse {
        let object = try existing(path)
        if path.subresource == "scale" { return .json(Scale.from(object, type: path.type)) }
        return .json(served(object, as: path.type))
    }

    func existing(_ path: ResourcePath) throws(APIStatus) -> JSONValue {
        guard let name = path.name, let object = store.get(path.type.storageKey, namespace: path.namespace ?? "", name: name)
        else { throw APIStatus.notFound(path.type, name: path.name ?? "") }
        return object
    }

    /// The object as sent to a client of this group-version.
    func served(_ object: JSONValue, as type: ResourceType) -> JSONValue {
        if object["apiVersion"]?.stringValue == type.groupVersion, object["kind"]?.stringValue == type.kind { return object }
        var object = object
        object["apiVersion"] = .string(type.groupVersion)
        object["kind"] = .string(type.kind)
        return object
    }

    func list(_ path: ResourcePath, _ request: APIRequest) throws(APIStatus) -> APIResponse {
        let filter = try ObjectFilter(request.query)
        let (items, resourceVersion) = store.listSerialized(path.type.storageKey, namespace: path.namespace)
        let page = try Page(query: request.query)
        var body: [UInt8] = []
        body.reserveCapacity(items.reduce(64) { $0 + $1.json.count + 1 })
        body += Array("{\"apiVersion\":\"\(path.type.groupVersion)\",\"items\":[".utf8)
        var count = 0
        var lastKey: String?
        var remaining = 0
        for (key, object, json) in items where page.after.map({ key > $0 }) ?? true {
            guard filter.matches(object) else { continue }
            if let limit = page.limit, count >= limit {
                remaining += 1
                continue
            }
            if count > 0 { body.append(UInt8(ascii: ",")) }
            if object["apiVersion"]?.stringValue == path.type.groupVersion, object["kind"]?.stringValue == path.type.kind {
                body += json
            } else {
                body += Array(served(object, as: path.type).serialized().utf8)
            }
            count += 1
            lastKey = key
        }
        var tail = "],\"kind\":\"\(path.type.kind)List\",\"metadata\":{"
        if remaining > 0, let lastKey {
            tail += "\"continue\":\"\(Page.token(after: lastKey, resourceVersion: resourceVersion))\",\"remainingItemCount\":\(remaining),"
        }
        tail += "\"resourceVersion\":\"\(resourceVersion)\"}}"
        body += Array(tail.utf8)
        return APIResponse(status: 200, headers: [("Content-Type", "application/json")], body: .bytes(body))
    }

    func watch(_ path: ResourcePath, _ request: APIRequest) throws(APIStatus) -> APIResponse {
        var filter = try ObjectFilter(request.query)
        if let name = path.name { filter.name = name }
        let since: Int64?
        switch request.query["resourceVersion"] {
        case nil, "", "0": since = nil
        case let text?:
            guard let number = Int64(text) else { throw APIStatus.badRequest("invalid resource version: \(text)") }
            since = number
        }
        let start = since ?? store.resourceVersion
        let opened: (events: AsyncStream<WatchEvent>, cancel: @Sendable () -> Void)
        do {
            opened = try store.watch(path.type.storageKey, namespace: path.namespace, since: since)
        } catch {
            return watchError(error)
        }
        let timeout = min(Double(request.query["timeoutSeconds"] ?? "") ?? 1800, 3600)
        let stream = WatchStream(
            events: opened.events, cancel: opened.cancel, filter: filter, type: path.type,
            timeout: .seconds(faults.watchTimeout(default: timeout)),
            bookmarks: request.query["allowWatchBookmarks"] == "true", store: store, start: start)
        return APIResponse(status: 200, headers: [("Content-Type", "application/json")], body: .stream(stream.lines()))
    }

    /// A watch that cannot start is a 200 stream with one ERROR event, as the real server answers.
    private func watchError(_ error: APIStatus) -> APIResponse {
        let event = WatchEvent(kind: .error, storageKey: "", namespace: "", object: error.json, resourceVersion: 0)
        let (stream, continuation) = AsyncStream<String>.makeStream()
        continuation.yield(event.line)
        continuation.finish()
        return APIResponse(status: 200, headers: [("Content-Type", "application/json")], body: .stream(stream))
    }
}
