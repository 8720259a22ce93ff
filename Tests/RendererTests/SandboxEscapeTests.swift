import Foundation
import Sandbox
import Testing

@testable import Renderer

@Suite struct SandboxEscapeTests {
    func renderError(_ tree: TreeFixture, path: String, limits: RenderLimits = .default) -> RenderError? {
        #expect(throws: RenderError.self) { try Renderer(limits: limits).render(RenderRequest(root: tree.root, path: path)) }
    }

    @Test func appPathClimbingOutOfTheRootIsRefused() throws {
        let tree = try TreeFixture(["repo/app/m.yaml": configMap("x")])
        let error = renderError(try TreeFixture(), path: "../\(tree.root)")
        #expect(error?.kind == .sandbox)
        #expect(error?.description.contains("outside the repository") == true)
    }

    @Test func absoluteAppPathIsRefused() throws {
        let tree = try TreeFixture(["m.yaml": configMap("x")])
        let error = renderError(tree, path: tree.root)
        #expect(error?.description.contains("absolute path") == true)
    }

    @Test func symlinkedFilePointingOutsideIsRefusedNamingTheFile() throws {
        let outside = try TreeFixture(["secret.yaml": configMap("secret")])
        let tree = try TreeFixture(["app/a.yaml": configMap("a")])
        try tree.link("app/b.yaml", to: "\(outside.root)/secret.yaml")
        let error = renderError(tree, path: "app")
        #expect(error?.location == "app/b.yaml")
        #expect(error?.description.contains("outside the repository") == true)
    }

    @Test func symlinkedDirectoryPointingOutsideIsRefused() throws {
        let outside = try TreeFixture(["secret.yaml": configMap("secret")])
        let tree = try TreeFixture(["app/a.yaml": configMap("a")])
        try tree.link("app/etc", to: outside.root)
        #expect(renderError(tree, path: "app")?.location == "app/etc")
    }

    @Test func relativeSymlinkClimbingOutIsRefused() throws {
        let tree = try TreeFixture(["app/a.yaml": configMap("a")])
        try tree.link("app/up.yaml", to: "../../../../../../etc/passwd")
        #expect(renderError(tree, path: "app")?.kind == .sandbox)
    }

    @Test func symlinkInsideTheTreeIsFollowed() throws {
        let tree = try TreeFixture(["shared/s.yaml": configMap("s"), "app/a.yaml": configMap("a")])
        try tree.link("app/shared", to: "../shared")
        #expect(try Renderer().render(RenderRequest(root: tree.root, path: "app")).objectCount == 2)
    }

    @Test func symlinkCycleInsideTheTreeStopsAtTheDepthLimit() throws {
        let tree = try TreeFixture(["app/a.yaml": configMap("a")])
        try tree.link("app/loop", to: ".")
        let error = renderError(tree, path: "app")
        #expect(error?.kind == .limit)
        #expect(error?.description.contains("nest deeper") == true)
    }

    @Test func selfReferencingSymlinkIsRefused() throws {
        let tree = try TreeFixture(["app/a.yaml": configMap("a")])
        try tree.link("app/b.yaml", to: "b.yaml")
        #expect(renderError(tree, path: "app")?.description.contains("too many levels") == true)
    }
}
