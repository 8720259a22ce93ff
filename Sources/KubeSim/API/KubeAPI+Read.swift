import CapstanCore
import Foundation

extension KubeAPI {
    func get(_ path: ResourcePath, _ request: APIRequest) throws(APIStatus) -> APIResponse {
        let object = try existing(path)
        if path.subresource == "scale" { return .json(Scale.from(object, type: path.type)) }
        if path.subresource == nil, let table = TableWriter(request, type: path.type) {
            return table.response([object], metadata: ["resourceVersion": object.value(at: ["metadata", "resourceVersion"]) ?? ""])
        }
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
        var chosen: [(object: JSONValue, json: [UInt8])] = []
        var lastKey: String?
        var remaining = 0
        for (key, object, json) in items where page.after.map({ key > $0 }) ?? true {
            guard filter.matches(object) else { continue }
            if let limit = page.limit, chosen.count >= limit {
                remaining += 1
                continue
            }
            chosen.append((object, json))
            lastKey = key
        }
        let token = remaining > 0 ? lastKey.map { Page.token(after: $0, resourceVersion: resourceVersion) } : nil
        if let table = TableWriter(request, type: path.type) {
            var metadata: JSONValue = ["resourceVersion": .string(String(resourceVersion))]
            if let token {
                metadata["continue"] = .string(token)
                metadata["remainingItemCount"] = .int(Int64(remaining))
            }
            return table.response(chosen.map(\.object), metadata: metadata)
        }
        return listBody(path.type, chosen, token: token, remaining: remaining, resourceVersion: resourceVersion)
    }

    /// The list as JSON, spliced from each object's cached serialization: lists of thousands stay cheap.
    private func listBody(_ type: ResourceType, _ chosen: [(object: JSONValue, json: [UInt8])], token: String?,
                          remaining: Int, resourceVersion: Int64) -> APIResponse {
        var body: [UInt8] = []
        body.reserveCapacity(chosen.reduce(64) { $0 + $1.json.count + 1 })
        body += Array("{\"apiVersion\":\"\(type.groupVersion)\",\"items\":[".utf8)
        for (index, (object, json)) in chosen.enumerated() {
            if index > 0 { body.append(UInt8(ascii: ",")) }
            if object["apiVersion"]?.stringValue == type.groupVersion, object["kind"]?.stringValue == type.kind {
                body += json
            } else {
                body += Array(served(object, as: type).serialized().utf8)
            }
        }
        var tail = "],\"kind\":\"\(type.kind)List\",\"metadata\":{"
        if let token { tail += "\"continue\":\"\(token)\",\"remainingItemCount\":\(remaining)," }
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
            bookmarks: request.query["allowWatchBookmarks"] == "true", store: store, start: start,
            table: TableWriter(request, type: path.type))
        let contentType = stream.table == nil ? "application/json" : TableWriter.contentType
        return APIResponse(status: 200, headers: [("Content-Type", contentType)], body: .stream(stream.lines()))
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
