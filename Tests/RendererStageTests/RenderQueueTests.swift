import CapstanCore
import Foundation
@testable import RendererStage
import Testing

@Suite struct RenderQueueTests {
    @Test func anAppAskedForWhileRenderingRendersOnceMoreAfterwards() async {
        let queue = RenderQueue()
        queue.enqueue("web")
        #expect(await queue.next() == "web")
        queue.enqueue("web")
        queue.enqueue("web")
        queue.enqueue("api")
        // web is still rendering: the next worker gets api, not a second web.
        #expect(await queue.next() == "api")
        queue.finished("web")
        #expect(await queue.next() == "web")
        queue.finished("web")
        queue.finished("api")
        #expect(!queue.isQueued("web"))
        queue.close()
        #expect(await queue.next() == nil)
    }

    @Test func aRevisionAlreadyRenderedUnderTheSameSettingsRendersNothing() throws {
        let web = AppConfig(name: "web", source: "site", path: "apps/web")
        let artifact = Digest(of: Array("tree".utf8))
        let record = RenderRecord(app: "web", source: "site", revision: "main@sha1:" + String(repeating: "a", count: 40),
                                  artifact: artifact, bundle: Digest(of: Array("bundle".utf8)), objects: 1, durationMs: 5,
                                  renderedAt: Date(), fingerprint: web.renderFingerprint)
        let board = AppBoard(apps: [web], records: ["web": record])
        #expect(board.status(of: "web")?.phase == .ready)
        #expect(board.observe(SourceRevision(source: "site", revision: record.revision, artifact: artifact)).isEmpty)
        #expect(board.observe(SourceRevision(source: "site", revision: "x", artifact: Digest(of: Array("new".utf8)))) == ["web"])
        var moved = web
        moved.substitute = ["CLUSTER": "prod"]
        let changed = AppBoard(apps: [moved], records: ["web": record])
        #expect(changed.observe(SourceRevision(source: "site", revision: record.revision, artifact: artifact)) == ["web"])
    }
}
