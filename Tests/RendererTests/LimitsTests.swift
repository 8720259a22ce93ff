import Sandbox
import Testing
import YAML

@testable import Renderer

@Suite struct LimitsTests {
    func renderError(_ tree: TreeFixture, limits: RenderLimits) -> RenderError? {
        #expect(throws: RenderError.self) { try Renderer(limits: limits).render(RenderRequest(root: tree.root)) }
    }

    @Test func oversizedFileIsRefusedWithTheLimit() throws {
        let tree = try TreeFixture(["big.yaml": configMap("x", data: "a: \(String(repeating: "x", count: 5_000))")])
        let limits = RenderLimits(source: SourceLimits(maxFileBytes: 1_000, maxFiles: 10, maxTotalBytes: 10_000))
        let error = renderError(tree, limits: limits)
        #expect(error?.kind == .limit)
        #expect(error?.location == "big.yaml")
        #expect(error?.description.contains("1000-byte limit") == true)
    }

    @Test func tooManyFilesIsRefused() throws {
        let tree = try TreeFixture(Dictionary(uniqueKeysWithValues: (0..<5).map { ("f\($0).yaml", configMap("c\($0)")) }))
        let limits = RenderLimits(source: SourceLimits(maxFileBytes: 1_000, maxFiles: 3, maxTotalBytes: 100_000))
        #expect(renderError(tree, limits: limits)?.kind == .limit)
    }

    @Test func totalBytesAreBounded() throws {
        let tree = try TreeFixture(Dictionary(uniqueKeysWithValues: (0..<5).map { ("f\($0).yaml", configMap("c\($0)")) }))
        let limits = RenderLimits(source: SourceLimits(maxFileBytes: 1_000, maxFiles: 100, maxTotalBytes: 150))
        #expect(renderError(tree, limits: limits)?.description.contains("150 bytes") == true)
    }

    @Test func tooManyObjectsIsRefused() throws {
        let tree = try TreeFixture(["m.yaml": (0..<10).map { configMap("c\($0)") }.joined(separator: "---\n")])
        let error = renderError(tree, limits: RenderLimits(maxObjects: 4))
        #expect(error?.kind == .limit)
        #expect(error?.description.contains("more than 4 objects") == true)
    }

    @Test func billionLaughsIsRefusedAsALimit() throws {
        var text = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: bomb}\nx0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
        for level in 1..<9 {
            text += "x\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 9).joined(separator: ", ") + "]\n"
        }
        let tree = try TreeFixture(["bomb.yaml": text])
        let error = renderError(tree, limits: .default)
        #expect(error?.kind == .limit)
        #expect(error?.location.hasPrefix("bomb.yaml:") == true)
    }

    @Test func deepNestingIsRefused() throws {
        let text = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: deep}\ndata: " + String(repeating: "[", count: 600) + String(repeating: "]", count: 600) + "\n"
        let tree = try TreeFixture(["deep.yaml": text])
        #expect(renderError(tree, limits: .default)?.kind == .limit)
    }

    @Test func bundleSizeIsBounded() throws {
        let tree = try TreeFixture(["m.yaml": configMap("x")])
        #expect(renderError(tree, limits: RenderLimits(maxBundleBytes: 10))?.description.contains("the bundle is") == true)
    }
}
