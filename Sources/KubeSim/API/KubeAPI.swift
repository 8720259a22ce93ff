import CapstanCore
import Foundation
import NIOConcurrencyHelpers

/// The emulated API server's request handling: routing, discovery, objects and their verbs.
public final class KubeAPI: Sendable {
    public let catalog: ResourceCatalog
    public let store: ObjectStore
    public let engine: any PatchEngine
    public let options: KubeSimOptions
    public let metrics = RequestMetrics()
    public let faults: FaultInjector
    /// Held while a Service is created: its cluster IP and node ports are picked from what is stored.
    let addressLock = NIOLock()

    public init(options: KubeSimOptions = KubeSimOptions(), engine: any PatchEngine = DefaultPatchEngine.make(),
                store: ObjectStore = ObjectStore()) {
        self.options = options
        self.engine = engine
        self.store = store
        self.catalog = ResourceCatalog()
        self.faults = FaultInjector(options.faults)
        seedNamespaces()
    }

    /// Answers one request; never throws: every failure becomes a `Status`.
    public func handle(_ request: APIRequest) async -> APIResponse {
        if let token = options.token, request.authorization != "Bearer \(token)", !Self.isProbe(request.path) {
            return .status(.unauthorized)
        }
        let segments = request.path.split(separator: "/")
        if segments.first == "api" || segments.first == "apis" {
            let latency = faults.latency
            if latency > .zero { try? await Task.sleep(for: latency) }
            switch faults.action() {
            case .fail(let status)?: return .status(status)
            case .drop?: return APIResponse(status: 200, body: .dropConnection)
            case nil: break
            }
        }
        do throws(APIStatus) {
            return try route(request)
        } catch {
            return .status(error)
        }
    }

    private static func isProbe(_ path: String) -> Bool { ["/healthz", "/readyz", "/livez"].contains(path) }

    private func route(_ request: APIRequest) throws(APIStatus) -> APIResponse {
        let segments = request.path.split(separator: "/").map(String.init)
        switch segments.first {
        case "version" where segments.count == 1: return .json(VersionInfo.json(minor: options.minor))
        case "healthz", "readyz", "livez": return .text("ok")
        case "metrics": return APIResponse(status: 200, headers: [("Content-Type", "text/plain; version=0.0.4")],
                                           body: .bytes(Array(metrics.render().utf8)))
        case "openapi": return try OpenAPIDocuments(catalog: catalog, minor: options.minor).respond(Array(segments.dropFirst()), query: request.query)
        case "_sim": return try faultsEndpoint(request, segments)
        case "api", "apis": return try apiRoute(request, segments)
        default: throw APIStatus.pathNotFound
        }
    }

    private func apiRoute(_ request: APIRequest, _ segments: [String]) throws(APIStatus) -> APIResponse {
        let discovery = Discovery(catalog: catalog, serverAddress: options.serverAddress)
        let core = segments[0] == "api"
        let prefixCount = core ? 2 : 3
        if segments.count < prefixCount || request.method == "GET" && segments.count == prefixCount {
            guard request.method == "GET" else { throw APIStatus.methodNotAllowed(request.method) }
            return try discovery.respond(segments, accept: request.accept)
        }
        let group = core ? "" : segments[1]
        let version = segments[prefixCount - 1]
        if core, version != "v1" { throw APIStatus.pathNotFound }
        guard let path = ResourcePath.resolve(group: group, version: version,
                                              segments: Array(segments.dropFirst(prefixCount)), catalog: catalog)
        else { throw APIStatus.pathNotFound }
        return try resourceRoute(request, path)
    }

    private func resourceRoute(_ request: APIRequest, _ path: ResourcePath) throws(APIStatus) -> APIResponse {
        var request = request
        if !request.body.isEmpty, request.contentType.hasPrefix("application/vnd.kubernetes.protobuf") {
            // kubectl's typed commands (`create configmap`, `create deployment`, …) send protobuf and never fall back.
            let object = try ProtobufDecoder(schema: .shared).decodeEnvelope(request.body)
            guard object != .null else { throw APIStatus.unsupportedMediaType(request.contentType) }
            request.body = Array(object.serialized().utf8)
            request.contentType = "application/json"
        }
        // client-go falls back to JSON after a 415 for a CBOR body.
        if !request.body.isEmpty, request.contentType.hasPrefix("application/cbor") {
            throw APIStatus.unsupportedMediaType(request.contentType)
        }
        if path.type.namespaced, path.namespace == nil, path.name != nil { throw APIStatus.pathNotFound }
        let verb = Verb(request: request, path: path)
        if path.type.isReview, verb != .create { throw APIStatus.methodNotAllowed(request.method) }
        let response: APIResponse
        do throws(APIStatus) {
            response = try perform(verb, request, path)
        } catch {
            metrics.count(verb: verb.metricName, resource: path.type.plural, code: error.code)
            throw error
        }
        metrics.count(verb: verb.metricName, resource: path.type.plural, code: response.status)
        return response
    }

    private func perform(_ verb: Verb, _ request: APIRequest, _ path: ResourcePath) throws(APIStatus) -> APIResponse {
        switch verb {
        case .get: return try get(path, request)
        case .list: return try list(path, request)
        case .watch: return try watch(path, request)
        case .create: return try create(path, request)
        case .update: return try update(path, request)
        case .patch, .apply: return try patch(path, request)
        case .delete: return try delete(path, request)
        case .deleteCollection: return try deleteCollection(path, request)
        case .unsupported: throw APIStatus.methodNotAllowed(request.method)
        }
    }

    private func seedNamespaces() {
        guard let type = catalog.type(group: "", version: "v1", plural: "namespaces") else { return }
        for name in ["default", "kube-system", "kube-public", "kube-node-lease"] {
            _ = try? store.write(type.storageKey, namespace: "", name: name) { current throws(APIStatus) in
                if current != nil { return .keep(current!, created: false) }
                return .put(ObjectRules.prepareCreate(["apiVersion": "v1", "kind": "Namespace", "metadata": ["name": .string(name)]],
                                                      type: type, now: Clock.now()))
            }
        }
    }
}
