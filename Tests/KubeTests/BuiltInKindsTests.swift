import CapstanCore
import Kube
import Testing

@Suite struct BuiltInKindsTests {
    /// The compiled-in table says what the emulator's discovery says, for every kind it serves.
    @Test func agreesWithTheEmulatorsDiscovery() async throws {
        let simulator = try SimulatorProcess()
        defer { simulator.stop() }
        let kube = KubeClient(config: KubeConfig(server: simulator.url, credentials: .none), options: testOptions())
        var served = 0
        for builtIn in BuiltInKinds.all {
            guard let discovered = try? await kube.mapping(for: builtIn.kind) else { continue }
            served += 1
            #expect(discovered.resource == builtIn.resource, "\(builtIn.kind)")
            #expect(discovered.namespaced == builtIn.namespaced, "\(builtIn.kind)")
        }
        #expect(served >= 20)
    }

    @Test func onlyClientsThatAskForItSkipDiscovery() async throws {
        let server = try FakeAPIServer()
        defer { server.stop() }
        var options = testOptions()
        options.usesBuiltInKinds = true
        let mapping = try await client(for: server, options: options).mapping(for: deploymentKind)
        #expect(mapping.resource == "deployments" && mapping.namespaced)
        var paths = try await server.requests().compactMap { $0["path"]?.stringValue }
        #expect(!paths.contains("/apis"))
        _ = try await client(for: server).mapping(for: deploymentKind)
        paths = try await server.requests().compactMap { $0["path"]?.stringValue }
        #expect(paths.contains("/apis"))
    }
}
