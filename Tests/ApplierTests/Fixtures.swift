import CapstanCore

/// Small objects for the tables and scenarios.
enum Fixtures {
    static func deployment(
        _ name: String, namespace: String? = "shop", replicas: Int64? = 1, wave: String? = nil, image: String = "nginx:1.27"
    ) -> JSONValue {
        var object: JSONValue = [
            "apiVersion": "apps/v1", "kind": "Deployment", "metadata": ["name": .string(name)],
            "spec": [
                "selector": ["matchLabels": ["app": .string(name)]],
                "template": ["metadata": ["labels": ["app": .string(name)]], "spec": ["containers": [["name": "app", "image": .string(image)]]]],
            ],
        ]
        if let replicas { object.setValue(.int(replicas), at: ["spec", "replicas"]) }
        if let namespace { object.setValue(.string(namespace), at: ["metadata", "namespace"]) }
        if let wave { object.setValue(.string(wave), at: ["metadata", "annotations", "capstan.dev/wave"]) }
        return object
    }

    static func configMap(_ name: String, namespace: String? = "shop", data: String = "1", wave: String? = nil) -> JSONValue {
        var object: JSONValue = ["apiVersion": "v1", "kind": "ConfigMap", "metadata": ["name": .string(name)], "data": ["key": .string(data)]]
        if let namespace { object.setValue(.string(namespace), at: ["metadata", "namespace"]) }
        if let wave { object.setValue(.string(wave), at: ["metadata", "annotations", "capstan.dev/wave"]) }
        return object
    }

    static func namespace(_ name: String) -> JSONValue {
        ["apiVersion": "v1", "kind": "Namespace", "metadata": ["name": .string(name)]]
    }

    static let crd: JSONValue = [
        "apiVersion": "apiextensions.k8s.io/v1", "kind": "CustomResourceDefinition",
        "metadata": ["name": "widgets.example.com"],
        "spec": [
            "group": "example.com", "scope": "Namespaced",
            "names": ["kind": "Widget", "plural": "widgets", "singular": "widget"],
            "versions": [["name": "v1", "served": true, "storage": true]],
        ],
    ]

    static let widget: JSONValue = [
        "apiVersion": "example.com/v1", "kind": "Widget", "metadata": ["name": "gear", "namespace": "shop"], "spec": ["size": 3],
    ]
}
