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
        var object = object
        object["apiVersion"] = .string(type.groupVersion)
        object["kind"] = .string(type.kind)
        return object
    }

    func list(_ path: ResourcePath, _ request: APIRequest) throws(APIStatus) -> APIResponse {
        let filter = try ObjectFilter(request.query)
        let (items, resourceVersion) = store.list(path.type.storageKey, namespace: path.namespace)
        let page = try Page(query: request.query)
        var body = "{\"apiVersion\":\"\(path.type.groupVersion)\",\"items\":["
        var count = 0
        var lastKey: String?
        var remaining = 0
        for (key, object) in items where page.after.map({ key > $0 }) ?? true {
            guard filter.matches(object) else { continue }
            if let limit = page.limit, count >= limit {
                remaining += 1
                continue
            }
            if count > 0 { body += "," }
            served(object, as: path.type).write(to: &body)
            count += 1
            lastKey = key
        }
        body += "],\"kind\":\"\(path.type.kind)List\",\"metadata\":{"
        if remaining > 0, let lastKey {
            body += "\"continue\":\"\(Page.token(after: lastKey, resourceVersion: resourceVersion))\",\"remainingItemCount\":\(remaining),"
        }
        body += "\"resourceVersion\":\"\(resourceVersion)\"}}"
        return APIResponse(status: 200, headers: [("Content-Type", "application/json")], body: .bytes(Array(body.utf8)))
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
            bookmarks: request.query["allowWatchBookmarks"] == "true", store: store)
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

/// Label and field selectors of a list or watch, plus the name of a single-object watch.
struct ObjectFilter: Sendable {
    var labels: LabelSelector?
    var fields: FieldSelector?
    var name: String?

    init(_ query: [String: String]) throws(APIStatus) {
        if let text = query["labelSelector"], !text.isEmpty { labels = try LabelSelector(parsing: text) }
        if let text = query["fieldSelector"], !text.isEmpty { fields = try FieldSelector(parsing: text) }
    }

    func matches(_ object: JSONValue) -> Bool {
        if let name, object.value(at: ["metadata", "name"])?.stringValue != name { return false }
        if let fields, !fields.matches(object) { return false }
        if let labels {
            let pairs = object.value(at: ["metadata", "labels"])?.objectValue ?? [:]
            return labels.matches(pairs.compactMapValues(\.stringValue))
        }
        return true
    }
}

/// `limit` and `continue` of a list: continue tokens carry the last key returned.
struct Page {
    var limit: Int?
    var after: String?

    init(query: [String: String]) throws(APIStatus) {
        if let text = query["limit"], let number = Int(text), number > 0 { limit = number }
        if let token = query["continue"], !token.isEmpty {
            guard let data = Data(base64Encoded: token), let text = String(data: data, encoding: .utf8),
                let bar = text.firstIndex(of: "|")
            else { throw APIStatus.badRequest("continue key is not valid: illegal base64 data") }
            after = String(text[text.index(after: bar)...])
        }
    }

    static func token(after key: String, resourceVersion: Int64) -> String {
        Data("\(resourceVersion)|\(key)".utf8).base64EncodedString()
    }
}
