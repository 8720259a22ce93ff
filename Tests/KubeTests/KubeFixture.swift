import CapstanCore
import Curl
import Kube

/// Test defaults: fast retries, no QPS limit, discovery refreshable at once.
func testOptions(qps: Double = 0, burst: Int = 100, maxConcurrentRequests: Int = 8) -> KubeClientOptions {
    KubeClientOptions(
        qps: qps, burst: burst, maxConcurrentRequests: maxConcurrentRequests,
        retry: RetryPolicy(maxAttempts: 4, baseDelay: .milliseconds(20), maxDelay: .milliseconds(100)),
        timeouts: HTTPTimeouts(connect: .seconds(5), total: .seconds(10)), watchTimeoutSeconds: 1,
        discoveryRefreshInterval: .zero)
}

/// A client for a plain-HTTP fake server.
func client(for server: FakeAPIServer, token: String? = nil, options: KubeClientOptions = testOptions()) -> KubeClient {
    KubeClient(config: KubeConfig(server: server.url, credentials: token.map { .token($0) } ?? .none), options: options)
}

let configMapKind = GroupVersionKind(group: "", version: "v1", kind: "ConfigMap")
let deploymentKind = GroupVersionKind(group: "apps", version: "v1", kind: "Deployment")

func configMap(_ name: String, namespace: String = "default", data: [String: JSONValue] = ["k": "v"], labels: [String: JSONValue] = [:]) -> JSONValue {
    [
        "apiVersion": "v1", "kind": "ConfigMap",
        "metadata": ["name": .string(name), "namespace": .string(namespace), "labels": .object(labels)],
        "data": .object(data),
    ]
}
