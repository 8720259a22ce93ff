/// The API verb a request performs, derived from its method, path and query.
enum Verb {
    case get, list, watch, create, update, patch, apply, delete, deleteCollection, unsupported

    init(request: APIRequest, path: ResourcePath) {
        switch (request.method, path.name != nil) {
        case ("GET", true): self = request.query["watch"].map(Self.truthy) == true ? .watch : .get
        case ("GET", false): self = request.query["watch"].map(Self.truthy) == true ? .watch : .list
        case ("POST", false): self = .create
        case ("PUT", true): self = .update
        case ("PATCH", true): self = request.contentType.hasPrefix("application/apply-patch") ? .apply : .patch
        case ("DELETE", true): self = .delete
        case ("DELETE", false): self = .deleteCollection
        default: self = .unsupported
        }
    }

    private static func truthy(_ value: String) -> Bool { value == "true" || value == "1" }

    /// The `verb` label of `apiserver_request_total`.
    var metricName: String {
        switch self {
        case .get: "GET"
        case .list: "LIST"
        case .watch: "WATCH"
        case .create: "POST"
        case .update: "PUT"
        case .patch: "PATCH"
        case .apply: "APPLY"
        case .delete: "DELETE"
        case .deleteCollection: "DELETECOLLECTION"
        case .unsupported: "UNKNOWN"
        }
    }
}
