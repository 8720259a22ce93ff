import Testing

/// deploy/, its HA overlay, their parts and every example overlay build with Capstan's Overlays
/// engine exactly as `kubectl kustomize` builds them, so Capstan can deploy itself and the demo.
@Suite struct KustomizeParityTests {
    static let directories = RepositoryFiles.kustomizations(under: "deploy") + RepositoryFiles.kustomizations(under: "examples")

    @Test func theDeploymentAndEveryExampleOverlayAreFound() {
        for expected in ["deploy", "deploy/overlays/ha", "examples/demo/apps/shop/overlays/prod"] {
            #expect(Self.directories.contains(expected), "\(expected) has no kustomization.yaml")
        }
    }

    @Test(arguments: directories)
    func buildsIdenticallyToKubectlKustomize(directory: String) throws {
        let capstan = try RepositoryFiles.build(directory)
        #expect(!capstan.objects.isEmpty)
        #expect(capstan.warnings.isEmpty, "\(directory): \(capstan.warnings)")
        guard let kubectl = Kubectl.path else {
            print("skipping the kubectl half for \(directory): kubectl is not installed")
            return
        }
        let expected = try Kubectl.kustomize(RepositoryRoot.file(directory), kubectl: kubectl)
        #expect(capstan.yaml == expected, "\(directory) differs from kubectl kustomize")
    }
}
