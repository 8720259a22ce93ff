import CapstanCore
import Foundation
import Testing

/// examples/demo is a repository Capstan can deploy: its config loads, its apps exist, its plain
/// app decodes as Kubernetes objects (its overlay is covered by KustomizeParityTests).
@Suite struct ExampleTests {
    @Test func demoConfigLoadsAndNamesAppsInTheRepository() throws {
        let config = try RepositoryFiles.config("examples/demo/capstan.yaml")
        #expect(config.apps.map(\.name) == ["hello", "shop"])
        for app in config.apps {
            var isDirectory: ObjCBool = false
            #expect(FileManager.default.fileExists(atPath: RepositoryRoot.file("examples/demo/" + app.path), isDirectory: &isDirectory) && isDirectory.boolValue)
        }
    }

    @Test func plainAppDecodesAsKubernetesObjects() throws {
        let directory = RepositoryRoot.file("examples/demo/apps/hello")
        let files = try FileManager.default.contentsOfDirectory(atPath: directory).filter { $0.hasSuffix(".yaml") }.sorted()
        let objects = try files.flatMap { try RepositoryFiles.objects("examples/demo/apps/hello/" + $0) }
        #expect(objects.compactMap { $0["kind"]?.stringValue }.sorted() == ["ConfigMap", "Deployment", "Namespace"])
    }
}
