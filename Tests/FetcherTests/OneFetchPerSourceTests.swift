@testable import Fetcher
import FetcherTesting
import Foundation
import Logging
import Testing

@Suite struct OneFetchPerSourceTests {
    @Test func theGateRefusesASecondFetchOfTheSameSourceOnly() throws {
        let gate = SourceGate()
        let inner = try gate.exclusively("site") { () throws -> String in
            #expect(throws: FetchError.self) { try gate.exclusively("site") {} }
            return try gate.exclusively("other") { "other ran" }
        }
        #expect(inner == "other ran")
        #expect(try gate.exclusively("site") { true }, "released after the first ended")
    }

    @Test func triggersDuringAFetchCoalesceIntoOneFollowUp() async throws {
        let wakeup = Wakeup()
        for _ in 0..<5 { wakeup.signal() }
        let start = Date()
        await wakeup.wait(upTo: 10)
        #expect(Date().timeIntervalSince(start) < 5, "a trigger that came while nobody waited cuts the next wait short")
        let second = Date()
        await wakeup.wait(upTo: 0.3)
        #expect(Date().timeIntervalSince(second) >= 0.25, "five triggers make one follow-up fetch, not five")
    }

    @Test func anAbandonedFetchBlocksTheNextFetchOfItsSourceUntilItEnds() async throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let (server, scheduler) = try StalledServerTests.schedulerOnASilentServer(in: directory, initialBackoff: 0.1, overrunGrace: 0.3)
        defer { server.stop() }
        let task = Task { await scheduler.run() }
        defer { task.cancel() }
        #expect(await eventually(10) { scheduler.board.status()[0].lastError?.contains("abandoned") == true })
        #expect(await eventually(10) { scheduler.board.status()[0].lastError?.contains("a previous fetch is still running") == true },
                "the retry does not fetch alongside the stuck job")
        server.stop()
        #expect(await eventually(10) { scheduler.board.status()[0].lastError?.contains("cannot reach") == true },
                "once the stuck job ends, the source fetches again")
    }
}
