import CapstanCore
import Foundation
import Testing
@testable import KubeSim

@Suite struct WatchAndListTests {
    let configMaps = "/api/v1/namespaces/default/configmaps"

    @Test func watchFromResourceVersionSeesLaterEventsOnly() async throws {
        let fixture = APIFixture()
        let first = await fixture.call("POST", configMaps, body: APIFixture.configMap("before"))
        let response = await fixture.call("GET", configMaps + "?watch=true&resourceVersion=\(first.resourceVersion!)&timeoutSeconds=5")
        guard case .stream(let lines) = response.body else { Issue.record("not a stream"); return }
        _ = await fixture.call("POST", configMaps, body: APIFixture.configMap("after"))
        _ = await fixture.call("DELETE", configMaps + "/after")
        var seen: [String] = []
        for await line in lines {
            let event = try JSONValue.parse(line)
            seen.append("\(event["type"]!.stringValue!) \(event.value(at: ["object", "metadata", "name"])!.stringValue!)")
            if seen.count == 2 { break }
        }
        #expect(seen == ["ADDED after", "DELETED after"])
    }

    @Test func watchFromZeroStartsWithCurrentObjectsAndHonoursFieldSelector() async throws {
        let fixture = APIFixture()
        _ = await fixture.call("POST", configMaps, body: APIFixture.configMap("a"))
        _ = await fixture.call("POST", configMaps, body: APIFixture.configMap("b"))
        let response = await fixture.call("GET", configMaps + "?watch=true&resourceVersion=0&fieldSelector=metadata.name%3Db")
        guard case .stream(let lines) = response.body else { Issue.record("not a stream"); return }
        for await line in lines {
            let event = try JSONValue.parse(line)
            #expect(event["type"] == "ADDED")
            #expect(event.value(at: ["object", "metadata", "name"]) == "b")
            break
        }
    }

    @Test func watchTooOldIsExpired() async throws {
        let fixture = APIFixture(store: ObjectStore(eventLogCapacity: 2))
        for name in ["a", "b", "c", "d"] { _ = await fixture.call("POST", configMaps, body: APIFixture.configMap(name)) }
        let response = await fixture.call("GET", configMaps + "?watch=true&resourceVersion=1")
        guard case .stream(let lines) = response.body else { Issue.record("not a stream"); return }
        for await line in lines {
            let event = try JSONValue.parse(line)
            #expect(event["type"] == "ERROR")
            #expect(event.value(at: ["object", "code"]) == 410)
            #expect(event.value(at: ["object", "reason"]) == "Expired")
            break
        }
    }

    @Test func labelSelectorWatchSeesObjectsEnterAndLeave() async throws {
        let fixture = APIFixture()
        let start = await fixture.call("POST", configMaps, body: APIFixture.configMap("moving", labels: ["app": "web"]))
        let response = await fixture.call("GET", configMaps + "?watch=true&labelSelector=app%3Dweb&resourceVersion=\(start.resourceVersion!)")
        guard case .stream(let lines) = response.body else { Issue.record("not a stream"); return }
        let relabel = { (app: String) in
            await fixture.call("PATCH", configMaps + "/moving", body: ["metadata": ["labels": ["app": .string(app)]]],
                               contentType: "application/merge-patch+json")
        }
        _ = await relabel("db")
        _ = await relabel("cache")
        _ = await relabel("web")
        _ = await fixture.call("PATCH", configMaps + "/moving", body: ["data": ["a": "2"]], contentType: "application/merge-patch+json")
        _ = await fixture.call("DELETE", configMaps + "/moving")
        var seen: [String] = []
        for await line in lines {
            let event = try JSONValue.parse(line)
            seen.append("\(event["type"]!.stringValue!) \(event.value(at: ["object", "metadata", "labels", "app"])!.stringValue!)")
            if seen.count == 4 { break }
        }
        #expect(seen == ["DELETED db", "ADDED web", "MODIFIED web", "DELETED web"])
    }

    @Test func labelSelectorsSupportEveryOperator() async {
        let fixture = APIFixture()
        _ = await fixture.call("POST", configMaps, body: APIFixture.configMap("one", labels: ["app": "web", "tier": "front"]))
        _ = await fixture.call("POST", configMaps, body: APIFixture.configMap("two", labels: ["app": "db"]))
        _ = await fixture.call("POST", configMaps, body: APIFixture.configMap("three"))
        func names(_ selector: String) async -> [String] {
            let encoded = selector.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
            let response = await fixture.call("GET", configMaps + "?labelSelector=\(encoded)")
            return response.json?["items"]?.arrayValue?.compactMap { $0.value(at: ["metadata", "name"])?.stringValue } ?? []
        }
        #expect(await names("app=web") == ["one"])
        #expect(await names("app==db") == ["two"])
        #expect(await names("app!=web") == ["three", "two"])
        #expect(await names("app in (web,db)") == ["one", "two"])
        #expect(await names("app notin (web)") == ["three", "two"])
        #expect(await names("tier") == ["one"])
        #expect(await names("!app") == ["three"])
        #expect(await names("app,tier=front") == ["one"])
    }

    @Test func limitAndContinuePageThroughAList() async {
        let fixture = APIFixture()
        for index in 0..<5 { _ = await fixture.call("POST", configMaps, body: APIFixture.configMap("cm\(index)")) }
        let first = await fixture.call("GET", configMaps + "?limit=2")
        #expect(first.json?["items"]?.arrayValue?.count == 2)
        #expect(first.json?.value(at: ["metadata", "remainingItemCount"]) == 3)
        let token = first.json!.value(at: ["metadata", "continue"])!.stringValue!
        let second = await fixture.call("GET", configMaps + "?limit=10&continue=\(token.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!)")
        #expect(second.json?["items"]?.arrayValue?.count == 3)
        #expect(second.json?.value(at: ["metadata", "continue"]) == nil)
    }
}
