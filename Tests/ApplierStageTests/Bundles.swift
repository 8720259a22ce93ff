/// Bundle texts as the renderer would publish them (multi-document YAML).
enum Bundles {
    static func namespace(_ name: String) -> String {
        "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: \(name)\n"
    }

    static func deployment(_ name: String, replicas: Int = 2) -> String {
        """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: \(name)
        spec:
          replicas: \(replicas)
          selector:
            matchLabels:
              app: \(name)
          template:
            metadata:
              labels:
                app: \(name)
            spec:
              containers:
              - name: app
                image: nginx:1.27

        """
    }

    static func configMap(_ name: String, data: String = "1") -> String {
        "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: \(name)\ndata:\n  key: \"\(data)\"\n"
    }

    static func join(_ documents: String...) -> String {
        documents.joined(separator: "---\n")
    }
}
