import CLI
import CapstanCore
import Foundation
import Messaging
import Testing

@Suite struct FormattingTests {
    @Test func globalOptionsBeforeTheSubcommandMoveAfterIt() {
        #expect(GlobalArguments.reorder(["--config", "f.yaml", "status", "-o", "json"]) == ["status", "--config", "f.yaml", "-o", "json"])
        #expect(GlobalArguments.reorder(["--config=f.yaml", "--key", "me.key", "reconcile", "web"]) == ["reconcile", "--config=f.yaml", "--key", "me.key", "web"])
        #expect(GlobalArguments.reorder(["status", "--config", "f"]) == ["status", "--config", "f"])
        #expect(GlobalArguments.reorder(["--help"]) == ["--help"])
    }

    @Test func wildcardBindAddressesBecomeLoopbackConnectAddresses() throws {
        #expect(StageEndpoints.connectAddress("tcp://0.0.0.0:7401") == "tcp://127.0.0.1:7401")
        #expect(StageEndpoints.connectAddress("tcp://*:7402") == "tcp://127.0.0.1:7402")
        #expect(StageEndpoints.connectAddress("tcp://fetcher:7401") == "tcp://fetcher:7401")
        let config = try CapstanConfig.decode("""
            stages:
              applier: { pub: "tcp://0.0.0.0:7421", router: "tcp://0.0.0.0:7422",
                         upstream: [{ pub: "tcp://r0:7411", router: "tcp://r0:7412" }, { pub: "tcp://r1:7411", router: "tcp://r1:7412" }] }
              renderer: { upstream: [{ pub: "tcp://fetcher:7401", router: "tcp://fetcher:7402" }] }
            """, file: "capstan.yaml")
        let endpoints = try StageEndpoints(config: config)
        #expect(endpoints.fetcher.map(\.router) == ["tcp://fetcher:7402"])
        #expect(endpoints.renderer.map(\.router) == ["tcp://r0:7412", "tcp://r1:7412"])
        #expect(endpoints.applier.map(\.router) == ["tcp://127.0.0.1:7422"])
    }

    @Test func endpointOptionsReplaceAStagesConfiguredInstances() throws {
        var endpoints = try StageEndpoints(config: try CapstanConfig.decode("apps: []", file: "capstan.yaml"))
        try endpoints.override(with: ["applier=tcp://0.0.0.0:7421,tcp://0.0.0.0:7422", "applier=tcp://a1:7421,tcp://a1:7422"])
        #expect(endpoints.applier == [Upstream(pub: "tcp://127.0.0.1:7421", router: "tcp://127.0.0.1:7422"), Upstream(pub: "tcp://a1:7421", router: "tcp://a1:7422")])
        #expect(endpoints.fetcher.map(\.router) == ["tcp://127.0.0.1:7402"])
        #expect(throws: CLIError.self) { try endpoints.override(with: ["applier=tcp://a:1"]) }
        #expect(throws: CLIError.self) { try endpoints.override(with: ["cluster=tcp://a:1,tcp://a:2"]) }
    }

    @Test func eventLinesNameTimeStageTopicAndKeyFields() {
        let utc = TimeZone(identifier: "UTC")!
        let received = Date(timeIntervalSince1970: 1_704_164_645)
        let revision = Event(topic: "revision.site", fields: [
            "source": "site", "revision": .string(Contract.revision(Contract.commitA)), "digest": .string("sha256:" + String(repeating: "e", count: 64)),
            "files": 12, "commit": ["subject": "Add the web app"],
        ])
        #expect(EventLine.format(revision, receivedAt: received, timeZone: utc)
            == "03:04:05 fetcher   revision.site            revision=main@aaaaaaa artifact=sha256:eeeeeeeeeeee files=12 \"Add the web app\"")
        let status = Event(topic: "status.web", fields: [
            "stage": "renderer", "app": "web", "phase": "Failed", "revision": .string(Contract.revision(Contract.commitB)),
            "error": "x.yaml:3: bad", "renderedAt": "2024-01-02T03:05:00Z",
        ])
        #expect(EventLine.format(status, receivedAt: received, timeZone: utc)
            == "03:05:00 renderer  status.web               phase=Failed revision=main@bbbbbbb error=\"x.yaml:3: bad\"")
        #expect(EventLine.stage(of: Event(topic: "bundle.web")) == "renderer")
    }
}
