import CapstanCore
import Curl

/// A watch that never ends on its own: it resumes from the last resourceVersion when the server
/// closes the stream or the connection drops, and re-lists when that version is gone (410).
///
/// Pull-driven: each `next()` reads on; no background task. Cancel the consuming task to stop.
public struct KubeWatch: AsyncSequence, Sendable {
    public typealias Element = WatchEvent

    let client: KubeClient
    let mapping: ResourceMapping
    let namespace: String?
    let labelSelector: String?
    let fieldSelector: String?
    let resourceVersion: String?

    public func makeAsyncIterator() -> Iterator {
        Iterator(watch: self, resourceVersion: resourceVersion)
    }

    /// Reads watch lines and turns them into events; reconnects and re-lists as needed.
    public struct Iterator: AsyncIteratorProtocol {
        let watch: KubeWatch
        var resourceVersion: String?
        var body: AsyncThrowingStream<[UInt8], any Error>.AsyncIterator?
        var lines = LineBuffer()
        var reconnects = 0

        init(watch: KubeWatch, resourceVersion: String?) {
            self.watch = watch
            self.resourceVersion = resourceVersion
        }

        public mutating func next() async throws -> WatchEvent? {
            while !Task.isCancelled {
                guard let resourceVersion else { return try await relist() }
                if let line = lines.next() {
                    if let event = try decode(line) { return event }
                    continue
                }
                if body == nil {
                    do { body = try await open(from: resourceVersion).makeAsyncIterator() } catch let error as KubeAPIError where error.isGone {
                        self.resourceVersion = nil
                    }
                    continue
                }
                do {
                    if let chunk = try await body?.next() { lines.append(chunk) } else { closeStream() }
                } catch let error as CurlError where error.isRetryable {
                    closeStream()
                    try await pause()
                }
            }
            return nil
        }

        private mutating func relist() async throws -> WatchEvent {
            let list = try await watch.client.list(
                watch.mapping.kind, namespace: watch.namespace, labelSelector: watch.labelSelector,
                fieldSelector: watch.fieldSelector)
            resourceVersion = list.resourceVersion
            closeStream()
            return .relisted(list.items, resourceVersion: list.resourceVersion)
        }

        private func open(from version: String) async throws -> AsyncThrowingStream<[UInt8], any Error> {
            var query = [
                ("watch", "true"), ("resourceVersion", version), ("allowWatchBookmarks", "true"),
                ("timeoutSeconds", String(watch.client.transport.options.watchTimeoutSeconds)),
            ]
            if let selector = watch.labelSelector { query.append(("labelSelector", selector)) }
            if let selector = watch.fieldSelector { query.append(("fieldSelector", selector)) }
            let path = watch.mapping.collectionPath(namespace: watch.mapping.namespaced ? watch.namespace : nil)
            let stream = try await watch.client.transport.stream(
                KubeRequest(method: "GET", path: path, query: query), as: watch.client.impersonation)
            return stream.body
        }

        private mutating func closeStream() {
            body = nil
            lines = LineBuffer()
        }

        /// A short, growing pause before reconnecting after a dropped stream.
        private mutating func pause() async throws {
            reconnects += 1
            let policy = watch.client.transport.options.retry
            try await Task.sleep(for: policy.delay(afterAttempt: Swift.min(reconnects, 6), retryAfterSeconds: nil))
        }

        private mutating func decode(_ line: [UInt8]) throws -> WatchEvent? {
            let event: JSONValue
            do { event = try JSONValue.parse(line) } catch {
                throw KubeClientError.malformedResponse(method: "GET", path: watch.mapping.resource, reason: "watch event: \(error)")
            }
            let object = event["object"] ?? .null
            let version = object.value(at: ["metadata", "resourceVersion"])?.stringValue
            switch event["type"]?.stringValue {
            case "ADDED": return advance(version, .added(KubeClient.withKind(object, watch.mapping.kind)))
            case "MODIFIED": return advance(version, .modified(KubeClient.withKind(object, watch.mapping.kind)))
            case "DELETED": return advance(version, .deleted(KubeClient.withKind(object, watch.mapping.kind)))
            case "BOOKMARK": return advance(version, .bookmark(resourceVersion: version ?? resourceVersion ?? ""))
            case "ERROR":
                let error = KubeAPIError(status: object)
                guard error.isGone else { throw error }
                resourceVersion = nil
                return nil
            default: return nil
            }
        }

        private mutating func advance(_ version: String?, _ event: WatchEvent) -> WatchEvent {
            if let version, !version.isEmpty { resourceVersion = version }
            reconnects = 0
            return event
        }
    }
}

extension KubeClient {
    /// Watches a kind. Without `resourceVersion` the first event is `.relisted` with the current
    /// objects (list, then watch from the list's version), as client-go's reflector does.
    public func watch(
        _ kind: GroupVersionKind, namespace: String? = nil, labelSelector: String? = nil, fieldSelector: String? = nil,
        resourceVersion: String? = nil
    ) async throws -> KubeWatch {
        KubeWatch(
            client: self, mapping: try await mapping(for: kind), namespace: namespace, labelSelector: labelSelector,
            fieldSelector: fieldSelector, resourceVersion: resourceVersion)
    }
}
