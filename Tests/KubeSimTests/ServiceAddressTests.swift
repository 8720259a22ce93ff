import CapstanCore
import Foundation
import Testing
@testable import KubeSim

/// Cluster IPs and node ports handed to Services, checked with the real kubectl against the emulator process.
@Suite(.serialized, .enabled(if: Kubectl.path != nil, "kubectl is not installed; skipping the kubectl acceptance tests"))
struct ServiceAddressTests {
    static let service = """
        apiVersion: v1
        kind: Service
        metadata:
          name: web
          namespace: default
        spec:
          type: NodePort
          selector:
            app: web
          ports:
          - name: http
            port: 80
            targetPort: 8080
        """

    func json(_ kubectl: Kubectl, _ arguments: [String]) async throws -> JSONValue {
        let result = try await kubectl.run(arguments + ["-o", "json"])
        #expect(result.status == 0, "\(result.stderr)")
        return try JSONValue.parse(Array(result.stdout.utf8))
    }

    @Test func allocatedOnApplyKeptOnReapplyAndImmutable() async throws {
        let emulator = try EmulatorProcess()
        let kubectl = try Kubectl(port: emulator.port)
        defer {
            emulator.stop()
            kubectl.cleanUp()
        }
        let apply = ["apply", "--server-side", "--field-manager=capstan", "-f", "-"]
        let first = try await kubectl.run(apply, input: Self.service)
        #expect(first.status == 0, "\(first.stderr)")
        let created = try await json(kubectl, ["get", "svc", "web"])
        #expect(created.value(at: ["spec", "clusterIP"]) == "10.96.0.2")
        #expect(created.value(at: ["spec", "clusterIPs"]) == ["10.96.0.2"])
        #expect(created.value(at: ["spec", "ipFamilies"]) == ["IPv4"])
        #expect(created.value(at: ["spec", "ipFamilyPolicy"]) == "SingleStack")
        #expect(created.value(at: ["spec", "ports"])?.arrayValue?.first?["nodePort"] == 30000)

        // A second identical apply writes nothing: the allocated values are owned by no manager of the applier.
        let second = try await kubectl.run(apply, input: Self.service)
        #expect(second.status == 0, "\(second.stderr)")
        let again = try await json(kubectl, ["get", "svc", "web"])
        #expect(again.value(at: ["metadata", "resourceVersion"]) == created.value(at: ["metadata", "resourceVersion"]))
        #expect(again.value(at: ["spec", "clusterIP"]) == "10.96.0.2")

        let table = try await kubectl.run(["get", "svc", "web"])
        #expect(table.stdout.contains("10.96.0.2"), "\(table.stdout)")
        #expect(table.stdout.contains("80:30000/TCP"), "\(table.stdout)")

        let change = try await kubectl.run(["patch", "svc", "web", "--type=merge", "-p", #"{"spec":{"clusterIP":"10.96.0.9","clusterIPs":["10.96.0.9"]}}"#])
        #expect(change.status != 0)
        #expect(change.stderr.contains("spec.clusterIPs[0]: Invalid value: [\"10.96.0.9\"]: may not change once set"), "\(change.stderr)")

        let taken = Self.service.replacingOccurrences(of: "name: web\n", with: "name: other\n")
            .replacingOccurrences(of: "type: NodePort", with: "clusterIP: 10.96.0.2")
        let refused = try await kubectl.run(["create", "-f", "-"], input: taken)
        #expect(refused.status != 0)
        #expect(refused.stderr.contains("failed to allocate IP 10.96.0.2: provided IP is already allocated"), "\(refused.stderr)")

        let headless = Self.service.replacingOccurrences(of: "name: web\n", with: "name: headless\n")
            .replacingOccurrences(of: "type: NodePort", with: "clusterIP: None")
        #expect(try await kubectl.run(["create", "-f", "-"], input: headless).status == 0)
        let next = Self.service.replacingOccurrences(of: "name: web\n", with: "name: next\n")
        #expect(try await kubectl.run(["create", "-f", "-"], input: next).status == 0)
        #expect(try await json(kubectl, ["get", "svc", "headless"]).value(at: ["spec", "clusterIP"]) == "None")
        let nextService = try await json(kubectl, ["get", "svc", "next"])
        #expect(nextService.value(at: ["spec", "clusterIP"]) == "10.96.0.3")
        #expect(nextService.value(at: ["spec", "ports"])?.arrayValue?.first?["nodePort"] == 30001)
    }

    @Test func replicasZeroFromKubectlCreate() async throws {
        let emulator = try EmulatorProcess()
        let kubectl = try Kubectl(port: emulator.port)
        defer {
            emulator.stop()
            kubectl.cleanUp()
        }
        let created = try await kubectl.run(["create", "deployment", "x", "--image=y", "--replicas=0"])
        #expect(created.status == 0, "\(created.stderr)")
        #expect(try await json(kubectl, ["get", "deploy", "x"]).value(at: ["spec", "replicas"]) == 0)
    }

    @Test func yamlBodiesForCreateAndUpdate() async throws {
        let fixture = APIFixture()
        let yaml = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata:\n  a: \"1\"\n"
        let created = await fixture.raw("POST", "/api/v1/namespaces/default/configmaps", bytes: Array(yaml.utf8),
                                        contentType: "application/yaml")
        #expect(created.status == 201)
        let updated = await fixture.raw("PUT", "/api/v1/namespaces/default/configmaps/c",
                                        bytes: Array((yaml + "  b: two\n").utf8), contentType: "application/yaml")
        #expect(updated.status == 200)
        let stored = fixture.api.store.get("/configmaps", namespace: "default", name: "c")
        #expect(stored?["data"] == ["a": "1", "b": "two"])
        let broken = await fixture.raw("POST", "/api/v1/namespaces/default/configmaps", bytes: Array("a: [\n".utf8),
                                       contentType: "application/yaml")
        #expect(broken.status == 400)
    }
}
