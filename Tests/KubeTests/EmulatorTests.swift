import CapstanCore
import Kube
import Testing

/// The client against the project's API emulator: real discovery, SSA, watch and errors.
@Suite struct EmulatorTests {
    func withEmulator(_ arguments: [String] = [], token: String? = nil, _ body: (KubeClient) async throws -> Void) async throws {
        let simulator = try SimulatorProcess(arguments)
        defer { simulator.stop() }
        let config = KubeConfig(server: simulator.url, credentials: token.map { .token($0) } ?? .none)
        try await body(KubeClient(config: config, options: testOptions()))
    }

    static func deployment(_ name: String, replicas: Int64) -> JSONValue {
        [
            "apiVersion": "apps/v1", "kind": "Deployment",
            "metadata": ["name": .string(name), "namespace": "shop", "labels": ["app": .string(name)]],
            "spec": [
                "replicas": .int(replicas), "selector": ["matchLabels": ["app": .string(name)]],
                "template": [
                    "metadata": ["labels": ["app": .string(name)]],
                    "spec": ["containers": [["name": "web", "image": "nginx:1.27"]]],
                ],
            ],
        ]
    }

    @Test func appliesListsAndDeletesWorkloads() async throws {
        try await withEmulator(["--token", "t0ken"], token: "t0ken") { kube in
            #expect(try await kube.apply(["apiVersion": "v1", "kind": "Namespace", "metadata": ["name": "shop"]]).created)
            #expect(try await kube.apply(Self.deployment("web", replicas: 2)).created)
            let again = try await kube.apply(Self.deployment("web", replicas: 3))
            #expect(!again.created)
            #expect(again.object.value(at: ["spec", "replicas"]) == 3)
            let listed = try await kube.list(deploymentKind, namespace: "shop", labelSelector: "app=web")
            #expect(listed.items.map { $0.value(at: ["metadata", "name"]) } == ["web"])
            try await kube.delete(deploymentKind, namespace: "shop", name: "web")
            await #expect { try await kube.get(deploymentKind, namespace: "shop", name: "web") } throws: { error in
                "\(error)" == #"Error from server (NotFound): deployments.apps "web" not found"#
            }
        }
    }

    @Test func dryRunApplyLeavesTheClusterUnchanged() async throws {
        try await withEmulator { kube in
            _ = try await kube.apply(["apiVersion": "v1", "kind": "Namespace", "metadata": ["name": "shop"]])
            _ = try await kube.apply(configMap("cfg", namespace: "shop"), options: ApplyOptions(dryRun: true))
            await #expect(throws: KubeAPIError.self) { try await kube.get(configMapKind, namespace: "shop", name: "cfg") }
        }
    }

    @Test func customResourceIsMappedOnceItsDefinitionExists() async throws {
        try await withEmulator { kube in
            let widget = GroupVersionKind(group: "example.com", version: "v1", kind: "Widget")
            await #expect(throws: KubeClientError.self) { try await kube.mapping(for: widget) }
            let definition: JSONValue = [
                "apiVersion": "apiextensions.k8s.io/v1", "kind": "CustomResourceDefinition",
                "metadata": ["name": "widgets.example.com"],
                "spec": [
                    "group": "example.com", "scope": "Namespaced",
                    "names": ["plural": "widgets", "singular": "widget", "kind": "Widget"],
                    "versions": [
                        [
                            "name": "v1", "served": true, "storage": true,
                            "schema": ["openAPIV3Schema": ["type": "object", "x-kubernetes-preserve-unknown-fields": true]],
                        ]
                    ],
                ],
            ]
            _ = try await kube.apply(definition)
            try await kube.refreshDiscovery()
            let applied = try await kube.apply(
                ["apiVersion": "example.com/v1", "kind": "Widget", "metadata": ["name": "w1"], "spec": ["size": 3]])
            #expect(applied.created)
            #expect(applied.object.value(at: ["metadata", "namespace"]) == "default")
        }
    }

    @Test func watchFollowsTheDeploymentController() async throws {
        try await withEmulator { kube in
            _ = try await kube.apply(["apiVersion": "v1", "kind": "Namespace", "metadata": ["name": "shop"]])
            var events = try await kube.watch(deploymentKind, namespace: "shop").makeAsyncIterator()
            guard case .relisted(let items, _) = try await events.next() else { Issue.record("no list first"); return }
            #expect(items.isEmpty)
            _ = try await kube.apply(Self.deployment("api", replicas: 1))
            var sawReady = false
            while !sawReady, let event = try await events.next() {
                if case .modified(let object) = event, object.value(at: ["status", "availableReplicas"]) == 1 { sawReady = true }
            }
            #expect(sawReady)
        }
    }
}
