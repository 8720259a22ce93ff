import CapstanCore

/// Realistic Deployment + Service + ConfigMap triples for speed measurements.
enum SampleManifests {
    static func triples(_ count: Int) -> [JSONValue] {
        (0..<count).flatMap { index -> [JSONValue] in
            let name = JSONValue.string("app-\(index)")
            let labels: JSONValue = ["app": name, "tier": "web", "app.kubernetes.io/part-of": "shop"]
            let deployment: JSONValue = [
                "apiVersion": "apps/v1", "kind": "Deployment",
                "metadata": ["name": name, "namespace": "shop", "labels": labels],
                "spec": [
                    "replicas": 3, "selector": ["matchLabels": labels],
                    "template": [
                        "metadata": ["labels": labels, "annotations": ["checksum/config": "0123456789abcdef"]],
                        "spec": [
                            "containers": [[
                                "name": "web", "image": "registry.example.com/shop/web:1.2.3",
                                "args": ["--port=8080", "--log-level=info"],
                                "ports": [["containerPort": 8080, "protocol": "TCP"]],
                                "env": [["name": "MODE", "value": "production"], ["name": "RATIO", "value": "0.5"]],
                                "envFrom": [["configMapRef": ["name": name]]],
                                "resources": ["limits": ["cpu": "500m", "memory": "256Mi"], "requests": ["cpu": "100m"]],
                                "readinessProbe": ["httpGet": ["path": "/healthz", "port": 8080], "periodSeconds": 10],
                            ]],
                        ],
                    ],
                ],
            ]
            let service: JSONValue = [
                "apiVersion": "v1", "kind": "Service",
                "metadata": ["name": name, "namespace": "shop", "labels": labels],
                "spec": ["selector": labels, "ports": [["port": 80, "targetPort": 8080, "protocol": "TCP"]]],
            ]
            let configMap: JSONValue = [
                "apiVersion": "v1", "kind": "ConfigMap",
                "metadata": ["name": name, "namespace": "shop"],
                "data": [
                    "config.yaml": "server:\n  port: 8080\n  host: 0.0.0.0\nfeatures:\n  - a\n  - b\n",
                    "enabled": "true", "greeting": "hello world, this is a longer sentence that goes past the eighty column limit for folding",
                ],
            ]
            return [deployment, service, configMap]
        }
    }
}
