import Foundation

/// A generated two-layer overlay tree (bases with Deployments, Services and ConfigMaps; overlays
/// with prefixes, namespaces, labels, images, patches, generators and a component), written to a
/// temporary directory so Capstan and `kubectl kustomize` can build the same files.
struct GeneratedTree {
    let root: URL
    /// Directories (relative to `root`) worth building.
    let overlays: [String]

    /// Writes tree number `seed`; the same seed always writes the same files.
    static func write(seed: Int, apps: Int = 3, into root: URL) throws -> GeneratedTree {
        var random = SplitMix(seed: UInt64(seed))
        let files = FileWriter(root: root)
        for app in 0..<apps {
            let name = "app\(app)"
            let replicas = Int(random.next() % 4) + 1
            try files.write("base/\(name)/deployment.yaml", """
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: \(name)
                  labels:
                    app: \(name)
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
                      - name: main
                        image: registry.example.com/\(name):1.\(random.next() % 9)
                        ports:
                        - containerPort: 80\(app)
                        envFrom:
                        - configMapRef:
                            name: \(name)-settings
                        volumeMounts:
                        - name: config
                          mountPath: /etc/\(name)
                      - name: sidecar
                        image: busybox
                        args: ["sleep", "3600"]
                      volumes:
                      - name: config
                        configMap:
                          name: \(name)-files

                """)
            try files.write("base/\(name)/service.yaml", """
                apiVersion: v1
                kind: Service
                metadata:
                  name: \(name)
                spec:
                  selector:
                    app: \(name)
                  ports:
                  - port: 80
                    targetPort: 80\(app)

                """)
            try files.write("base/\(name)/files.yaml", """
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: \(name)-files
                data:
                  app.properties: |
                    mode=\(random.next() % 2 == 0 ? "fast" : "safe")
                    threads: \(random.next() % 16)
                  enabled: "true"

                """)
            try files.write("base/\(name)/kustomization.yaml", """
                resources:
                - deployment.yaml
                - service.yaml
                - files.yaml
                configMapGenerator:
                - name: \(name)-settings
                  literals:
                  - LOG_LEVEL=info
                  - REGION=eu-\(random.next() % 3)
                commonLabels:
                  tier: backend

                """)
        }
        try files.write("components/monitoring/kustomization.yaml", """
            apiVersion: kustomize.config.k8s.io/v1alpha1
            kind: Component
            commonAnnotations:
              prometheus.io/scrape: "true"
            patches:
            - target:
                kind: Deployment
              patch: |-
                - op: add
                  path: /spec/template/metadata/annotations
                  value:
                    prometheus.io/port: "9090"

            """)
        var overlays: [String] = []
        for (index, environment) in ["dev", "prod"].enumerated() {
            let bases = (0..<apps).map { "- ../../base/app\($0)" }.joined(separator: "\n")
            let patched = Int(random.next() % UInt64(apps))
            try files.write("overlays/\(environment)/kustomization.yaml", """
                resources:
                \(bases)
                components:
                - ../../components/monitoring
                namePrefix: \(environment)-
                namespace: shop-\(environment)
                labels:
                - pairs:
                    env: \(environment)
                  includeSelectors: false
                  includeTemplates: true
                images:
                - name: busybox
                  newTag: "1.\(36 + index)"
                - name: registry.example.com/app\(patched)
                  newName: mirror.example.com/app\(patched)
                replicas:
                - name: app\(patched)
                  count: \(index + 2)
                patches:
                - path: resources.yaml
                - target:
                    kind: Service
                    name: app.*
                  patch: |-
                    - op: replace
                      path: /spec/ports/0/port
                      value: 8\(index)
                configMapGenerator:
                - name: app0-settings
                  behavior: merge
                  literals:
                  - LOG_LEVEL=\(environment == "dev" ? "debug" : "warn")

                """)
            try files.write("overlays/\(environment)/resources.yaml", """
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: app\(patched)
                spec:
                  template:
                    spec:
                      containers:
                      - name: main
                        resources:
                          limits:
                            memory: \(128 * (index + 1))Mi

                """)
            overlays.append("overlays/\(environment)")
            try files.write("overlays/\(environment)-extra/kustomization.yaml", """
                resources:
                - ../\(environment)
                nameSuffix: -v2
                commonAnnotations:
                  owner: team-\(random.next() % 5)

                """)
            overlays.append("overlays/\(environment)-extra")
        }
        return GeneratedTree(root: root, overlays: overlays)
    }
}

/// Writes text files under a root, creating directories; indentation is stripped by the caller's
/// multi-line literals.
struct FileWriter {
    let root: URL

    func write(_ path: String, _ text: String) throws {
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }
}

/// A tiny deterministic random generator, so a failing tree can be written again from its seed.
struct SplitMix {
    var state: UInt64

    init(seed: UInt64) { state = seed &+ 0x9E37_79B9_7F4A_7C15 }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var value = state
        value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
        value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
        return value ^ (value >> 31)
    }
}
