import CapstanCore
@testable import KubeSim

/// Calls an in-process `KubeAPI` the way an HTTP client would.
struct APIFixture {
    let api: KubeAPI

    init(options: KubeSimOptions = KubeSimOptions(), store: ObjectStore = ObjectStore()) {
        api = KubeAPI(options: options, store: store)
    }

    func call(_ method: String, _ target: String, body: JSONValue? = nil, contentType: String = "application/json",
              accept: String = "application/json") async -> APIResponse {
        var request = APIRequest(method: method, target: target, contentType: contentType,
                                 body: body.map { Array($0.serialized().utf8) } ?? [])
        request.accept = accept
        request.userAgent = "kubectl/v1.32.4 (linux/amd64)"
        return await api.handle(request)
    }

    func raw(_ method: String, _ target: String, bytes: [UInt8], contentType: String = "application/json") async -> APIResponse {
        await api.handle(APIRequest(method: method, target: target, contentType: contentType, body: bytes))
    }

    func apply(_ target: String, _ body: JSONValue, manager: String, force: Bool = false, dryRun: Bool = false) async -> APIResponse {
        var query = "?fieldManager=\(manager)&force=\(force)"
        if dryRun { query += "&dryRun=All" }
        return await call("PATCH", target + query, body: body, contentType: "application/apply-patch+yaml")
    }

    static func configMap(_ name: String, namespace: String = "default", data: JSONValue = ["a": "1"],
                          labels: JSONValue? = nil) -> JSONValue {
        var object: JSONValue = ["apiVersion": "v1", "kind": "ConfigMap",
                                 "metadata": ["name": .string(name), "namespace": .string(namespace)], "data": data]
        if let labels { object.setValue(labels, at: ["metadata", "labels"]) }
        return object
    }

    static func deployment(_ name: String, replicas: Int64 = 2, image: String = "nginx:1.27") -> JSONValue {
        ["apiVersion": "apps/v1", "kind": "Deployment",
         "metadata": ["name": .string(name), "namespace": "default", "labels": ["app": .string(name)]],
         "spec": ["replicas": .int(replicas), "selector": ["matchLabels": ["app": .string(name)]],
                  "template": ["metadata": ["labels": ["app": .string(name)]],
                               "spec": ["containers": [["name": "web", "image": .string(image),
                                                        "ports": [["containerPort": 80]]]]]]]]
    }
}

extension APIResponse {
    var resourceVersion: String? { json?.value(at: ["metadata", "resourceVersion"])?.stringValue }
    var message: String? { json?["message"]?.stringValue }
    var reason: String? { json?["reason"]?.stringValue }
}
