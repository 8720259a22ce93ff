import Foundation
import Testing

/// The real kubectl against the real emulator process, each test with its own emulator and cold cache.
@Suite(.serialized, .enabled(if: Kubectl.path != nil, "kubectl is not installed; skipping the kubectl acceptance tests"))
struct KubectlTests {
    static let manifest = """
        apiVersion: v1
        kind: Namespace
        metadata:
          name: demo
        ---
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: settings
          namespace: demo
          labels:
            app: demo
        data:
          a: "1"
          b: "2"
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
          namespace: demo
        spec:
          replicas: REPLICAS
          selector:
            matchLabels:
              app: web
          template:
            metadata:
              labels:
                app: web
            spec:
              containers:
              - name: web
                image: nginx:1.27
                ports:
                - containerPort: 80
        """

    static func manifest(replicas: Int = 2) -> String { manifest.replacingOccurrences(of: "REPLICAS", with: String(replicas)) }

    func withKubectl(_ body: (Kubectl) async throws -> Void) async throws {
        let emulator = try EmulatorProcess()
        let kubectl = try Kubectl(port: emulator.port)
        defer {
            emulator.stop()
            kubectl.cleanUp()
        }
        try await body(kubectl)
    }

    @Test func versionAndAPIResources() async throws {
        try await withKubectl { kubectl in
            let version = try await kubectl.run(["version"])
            #expect(version.status == 0)
            #expect(version.stdout.contains("Server Version: v1.32.4"))
            let resources = try await kubectl.run(["api-resources"])
            #expect(resources.status == 0, "\(resources.stderr)")
            #expect(resources.stdout.contains("deployments"))
            #expect(resources.stdout.contains("customresourcedefinitions"))
        }
    }

    @Test func serverSideApplyLifecycle() async throws {
        try await withKubectl { kubectl in
            let apply = ["apply", "--server-side", "--field-manager=gitops", "-f", "-"]
            let created = try await kubectl.run(apply, input: Self.manifest())
            #expect(created.status == 0, "\(created.stderr)")
            #expect(created.stdout == "namespace/demo serverside-applied\nconfigmap/settings serverside-applied\ndeployment.apps/web serverside-applied\n")
            let again = try await kubectl.run(apply, input: Self.manifest())
            #expect(again.stdout == created.stdout)
            let wait = try await kubectl.run(["wait", "--for=condition=Available", "deployment/web", "-n", "demo", "--timeout=30s"])
            #expect(wait.status == 0, "\(wait.stderr)")
            #expect(wait.stdout.contains("deployment.apps/web condition met"))
            let json = try await kubectl.run(["get", "deploy", "web", "-n", "demo", "-o", "json"])
            #expect(json.stdout.contains("\"replicas\": 2"))
            let yaml = try await kubectl.run(["get", "deploy", "web", "-n", "demo", "-o", "yaml"])
            #expect(yaml.stdout.contains("kind: Deployment"))
            let name = try await kubectl.run(["get", "cm", "-n", "demo", "-l", "app=demo", "-o", "name"])
            #expect(name.stdout == "configmap/settings\n")
            let same = try await kubectl.run(["diff", "--server-side", "--field-manager=gitops", "-f", "-"], input: Self.manifest())
            #expect(same.status == 0, "\(same.stdout)\(same.stderr)")
            let changed = try await kubectl.run(["diff", "--server-side", "--field-manager=gitops", "-f", "-"], input: Self.manifest(replicas: 3))
            #expect(changed.status == 1, "\(changed.stderr)")
            #expect(changed.stdout.contains("+  replicas: 3"))
            let dryRun = try await kubectl.run(apply + ["--dry-run=server"], input: Self.manifest(replicas: 3))
            #expect(dryRun.stdout.contains("deployment.apps/web serverside-applied (server dry run)"))
            let pruned = Self.manifest().replacingOccurrences(of: "  b: \"2\"\n", with: "")
            _ = try await kubectl.run(apply, input: pruned)
            let data = try await kubectl.run(["get", "cm", "settings", "-n", "demo", "-o", "jsonpath={.data}"])
            #expect(data.stdout == "{\"a\":\"1\"}")
            let conflict = try await kubectl.run(["apply", "--server-side", "--field-manager=other", "-f", "-"], input: Self.manifest(replicas: 5))
            #expect(conflict.status == 1)
            #expect(conflict.stderr.contains("conflict with \"gitops\": .spec.replicas"))
            let forced = try await kubectl.run(["apply", "--server-side", "--field-manager=other", "--force-conflicts", "-f", "-"],
                                               input: Self.manifest(replicas: 5))
            #expect(forced.status == 0, "\(forced.stderr)")
            let replicas = try await kubectl.run(["get", "deploy", "web", "-n", "demo", "-o", "jsonpath={.spec.replicas}"])
            #expect(replicas.stdout == "5")
        }
    }

    @Test func clientSideApplyPatchAndScale() async throws {
        try await withKubectl { kubectl in
            let configMap = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: csa\n  namespace: default\ndata:\n  k: v\n"
            let created = try await kubectl.run(["apply", "-f", "-"], input: configMap)
            #expect(created.stdout == "configmap/csa created\n", "\(created.stderr)")
            let unchanged = try await kubectl.run(["apply", "-f", "-"], input: configMap)
            #expect(unchanged.stdout == "configmap/csa unchanged\n", "\(unchanged.stderr)")
            let configured = try await kubectl.run(["apply", "-f", "-"], input: configMap.replacingOccurrences(of: "k: v", with: "k: w"))
            #expect(configured.stdout == "configmap/csa configured\n", "\(configured.stderr)")
            for (type, patch) in [("merge", "{\"data\":{\"m\":\"1\"}}"), ("json", "[{\"op\":\"add\",\"path\":\"/data/j\",\"value\":\"2\"}]"),
                                  ("strategic", "{\"data\":{\"s\":\"3\"}}")] {
                let patched = try await kubectl.run(["patch", "cm", "csa", "--type", type, "-p", patch])
                #expect(patched.stdout == "configmap/csa patched\n", "\(type): \(patched.stderr)")
            }
            let data = try await kubectl.run(["get", "cm", "csa", "-o", "jsonpath={.data}"])
            #expect(data.stdout == "{\"j\":\"2\",\"k\":\"w\",\"m\":\"1\",\"s\":\"3\"}")
            _ = try await kubectl.run(["apply", "--server-side", "--field-manager=gitops", "-f", "-"], input: Self.manifest())
            let scaled = try await kubectl.run(["scale", "deployment/web", "-n", "demo", "--replicas=4"])
            #expect(scaled.stdout == "deployment.apps/web scaled\n", "\(scaled.stderr)")
            let replicas = try await kubectl.run(["get", "deploy", "web", "-n", "demo", "-o", "jsonpath={.spec.replicas}"])
            #expect(replicas.stdout == "4")
        }
    }

    @Test func watchDeleteAndNamespaceCascade() async throws {
        try await withKubectl { kubectl in
            _ = try await kubectl.run(["apply", "--server-side", "--field-manager=gitops", "-f", "-"], input: Self.manifest())
            async let watched = kubectl.run(["get", "cm", "-n", "demo", "-w"], killAfter: 4)
            try await kubectl.waitForWatch(on: "configmaps")
            _ = try await kubectl.run(["apply", "-f", "-"], input: "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: late\n  namespace: demo\n")
            let watch = try await watched
            #expect(watch.stdout.contains("settings"))
            #expect(watch.stdout.contains("late"))
            let deleted = try await kubectl.run(["delete", "cm", "late", "-n", "demo"])
            #expect(deleted.stdout == "configmap \"late\" deleted\n", "\(deleted.stderr)")
            let namespace = try await kubectl.run(["delete", "namespace", "demo", "--timeout=30s"])
            #expect(namespace.stdout == "namespace \"demo\" deleted\n", "\(namespace.stderr)")
            let gone = try await kubectl.run(["get", "deploy", "web", "-n", "demo"])
            #expect(gone.status == 1)
            #expect(gone.stderr.contains("Error from server (NotFound)"))
        }
    }

    @Test func customResourceAfterItsDefinition() async throws {
        try await withKubectl { kubectl in
            let definition = """
                apiVersion: apiextensions.k8s.io/v1
                kind: CustomResourceDefinition
                metadata:
                  name: widgets.example.com
                spec:
                  group: example.com
                  scope: Namespaced
                  names: {plural: widgets, singular: widget, kind: Widget, shortNames: [wg]}
                  versions:
                  - name: v1
                    served: true
                    storage: true
                    schema:
                      openAPIV3Schema: {type: object, x-kubernetes-preserve-unknown-fields: true}
                """
            let crd = try await kubectl.run(["apply", "--server-side", "--field-manager=gitops", "-f", "-"], input: definition)
            #expect(crd.status == 0, "\(crd.stderr)")
            let established = try await kubectl.run(["wait", "--for=condition=Established", "crd/widgets.example.com", "--timeout=20s"])
            #expect(established.status == 0, "\(established.stderr)")
            let widget = "apiVersion: example.com/v1\nkind: Widget\nmetadata:\n  name: w1\n  namespace: default\nspec:\n  size: 3\n"
            let applied = try await kubectl.run(["apply", "--server-side", "--field-manager=gitops", "-f", "-"], input: widget)
            #expect(applied.stdout == "widget.example.com/w1 serverside-applied\n", "\(applied.stderr)")
            let listed = try await kubectl.run(["get", "wg", "-o", "name"])
            #expect(listed.stdout == "widget.example.com/w1\n", "\(listed.stderr)")
        }
    }

    @Test func typedCreateEditLabelReplaceAndRolloutStatus() async throws {
        try await withKubectl { kubectl in
            // These commands send protobuf bodies: kubectl never falls back to JSON for them.
            for (arguments, printed) in [
                (["create", "namespace", "shop"], "namespace/shop created\n"),
                (["create", "configmap", "settings", "-n", "shop", "--from-literal=a=b"], "configmap/settings created\n"),
                (["create", "secret", "generic", "token", "-n", "shop", "--from-literal=t=s3cret"], "secret/token created\n"),
                (["create", "deployment", "web", "-n", "shop", "--image=nginx:1.27", "--replicas=2", "--port=80"],
                 "deployment.apps/web created\n"),
                (["create", "service", "clusterip", "web", "-n", "shop", "--tcp=80:8080"], "service/web created\n"),
            ] {
                let result = try await kubectl.run(arguments)
                #expect(result.stdout == printed, "\(arguments): \(result.stderr)")
            }
            let secret = try await kubectl.run(["get", "secret", "token", "-n", "shop", "-o", "jsonpath={.data.t}"])
            #expect(secret.stdout == "czNjcmV0")
            let rollout = try await kubectl.run(["rollout", "status", "deployment/web", "-n", "shop", "--timeout=30s"])
            #expect(rollout.stdout.hasSuffix("deployment \"web\" successfully rolled out\n"), "\(rollout.stderr)")
            let editor = kubectl.home.appendingPathComponent("editor.sh")
            try "#!/bin/sh\nsed -i 's/a: b/a: edited/' \"$1\"\n".write(to: editor, atomically: true, encoding: .utf8)
            try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: editor.path)
            let edited = try await kubectl.run(["edit", "configmap", "settings", "-n", "shop"], environment: ["EDITOR": editor.path])
            #expect(edited.stdout == "configmap/settings edited\n", "\(edited.stderr)")
            let labeled = try await kubectl.run(["label", "configmap", "settings", "-n", "shop", "tier=web"])
            #expect(labeled.stdout == "configmap/settings labeled\n", "\(labeled.stderr)")
            let annotated = try await kubectl.run(["annotate", "configmap", "settings", "-n", "shop", "note=x"])
            #expect(annotated.stdout == "configmap/settings annotated\n", "\(annotated.stderr)")
            let state = try await kubectl.run(["get", "configmap", "settings", "-n", "shop",
                                               "-o", "jsonpath={.data.a} {.metadata.labels.tier} {.metadata.annotations.note}"])
            #expect(state.stdout == "edited web x")
            let replacement = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\n  namespace: shop\ndata:\n  a: replaced\n"
            let replaced = try await kubectl.run(["replace", "-f", "-"], input: replacement)
            #expect(replaced.stdout == "configmap/settings replaced\n", "\(replaced.stderr)")
            let created = try await kubectl.run(["create", "-f", "-"], input: replacement.replacingOccurrences(of: "settings", with: "more"))
            #expect(created.stdout == "configmap/more created\n", "\(created.stderr)")
            let canI = try await kubectl.run(["auth", "can-i", "create", "deployments", "-n", "shop"])
            #expect(canI.stdout == "yes\n", "\(canI.stderr)")
        }
    }

    @Test func getPrintsTheServersTableColumns() async throws {
        try await withKubectl { kubectl in
            _ = try await kubectl.run(["apply", "--server-side", "--field-manager=gitops", "-f", "-"], input: Self.manifest())
            _ = try await kubectl.run(["wait", "--for=condition=Available", "deployment/web", "-n", "demo", "--timeout=30s"])
            let deployments = try await kubectl.run(["get", "deployments", "-n", "demo"])
            let lines = deployments.stdout.split(separator: "\n").map { $0.split(separator: " ").joined(separator: " ") }
            #expect(lines.first == "NAME READY UP-TO-DATE AVAILABLE AGE", "\(deployments.stderr)")
            #expect(lines.dropFirst().first?.hasPrefix("web 2/2 2 2 ") == true, "\(deployments.stdout)")
            let wide = try await kubectl.run(["get", "deploy", "web", "-n", "demo", "-o", "wide"])
            #expect(wide.stdout.contains("CONTAINERS   IMAGES       SELECTOR"), "\(wide.stdout)")
            let namespaces = try await kubectl.run(["get", "ns", "demo"])
            #expect(namespaces.stdout.hasPrefix("NAME   STATUS   AGE\ndemo   Active   "), "\(namespaces.stdout)")
            let all = try await kubectl.run(["get", "configmaps", "-A", "--show-labels"])
            #expect(all.stdout.hasPrefix("NAMESPACE   NAME       DATA   AGE   LABELS\ndemo        settings   2      "), "\(all.stdout)")
            async let watched = kubectl.run(["get", "deploy", "web", "-n", "demo", "-w"], killAfter: 6)
            try await kubectl.waitForWatch(on: "deployments")
            _ = try await kubectl.run(["scale", "deployment/web", "-n", "demo", "--replicas=3"])
            let watch = try await watched
            let rows = watch.stdout.split(separator: "\n").map { $0.split(separator: " ").prefix(4).joined(separator: " ") }
            #expect(rows.contains("web 2/3 2 2") && rows.contains("web 3/3 3 3"), "\(watch.stdout)")
        }
    }
}
