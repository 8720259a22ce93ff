import CapstanCore
@testable import Fetcher
import FetcherTesting
import Foundation
import Git
import Logging
import Testing

/// Records announcements for assertions.
actor AnnouncementRecorder: RevisionAnnouncer {
    private(set) var announced: [FetchedRevision] = []
    func announce(_ revision: FetchedRevision) async { announced.append(revision) }
}

/// Polls `condition` every 20 ms until it holds or `seconds` pass.
func eventually(_ seconds: Double = 20, _ condition: () async -> Bool) async -> Bool {
    let deadline = Date().addingTimeInterval(seconds)
    while Date() < deadline {
        if await condition() { return true }
        try? await Task.sleep(nanoseconds: 20_000_000)
    }
    return await condition()
}

@Suite struct FetchSchedulerTests {
    static func scheduler(_ url: String, data: String, recorder: AnnouncementRecorder, interval: Double = 3600) -> FetchScheduler {
        let spec = SourceSpec(name: "site", url: url, ref: .branch("main"), interval: interval, connectTimeout: 2, transferTimeout: 30)
        return FetchScheduler(sources: [spec], dataDirectory: data, concurrency: 2, announcer: recorder,
                              logger: Logger(label: "test"), initialBackoff: 0.2)
    }

    @Test func announcesOnlyWhenTheRevisionChanges() async throws {
        let fixture = try GitFixture()
        defer { fixture.remove() }
        try fixture.commit("first", files: ["a.yaml": "a\n"])
        let recorder = AnnouncementRecorder()
        let scheduler = Self.scheduler(fixture.path, data: fixture.root("data"), recorder: recorder)
        let task = Task { await scheduler.run() }
        defer { task.cancel() }
        #expect(await eventually { await recorder.announced.count == 1 })
        let firstFetch = scheduler.board.status()[0].lastFetch
        scheduler.board.trigger("site")
        #expect(await eventually { scheduler.board.status()[0].lastFetch != firstFetch })
        #expect(await recorder.announced.count == 1, "an unchanged revision is not announced again")
        let second = try fixture.commit("second", files: ["a.yaml": "b\n"])
        scheduler.board.trigger("site")
        #expect(await eventually { await recorder.announced.count == 2 })
        #expect(await recorder.announced.last?.revision.commit == second)
        #expect(scheduler.board.status()[0].revision == "main@sha1:\(second)")
        #expect(!scheduler.board.trigger("unknown"))
    }

    @Test func aRestartReannouncesWithoutFetching() async throws {
        let fixture = try GitFixture()
        defer { fixture.remove() }
        try fixture.commit("first", files: ["a.yaml": "a\n"])
        let recorder = AnnouncementRecorder()
        let first = Self.scheduler(fixture.path, data: fixture.root("data"), recorder: recorder)
        let task = Task { await first.run() }
        #expect(await eventually { await recorder.announced.count == 1 })
        task.cancel()
        await task.value
        let again = AnnouncementRecorder()
        let restarted = Self.scheduler(fixture.root("gone"), data: fixture.root("data"), recorder: again)
        await restarted.restore()
        #expect(await again.announced == recorder.announced)
        #expect(restarted.board.status()[0].ready)
    }

    @Test func anUnreachableServerKeepsTheLastArtifactAndBacksOff() async throws {
        let fixture = try GitFixture()
        defer { fixture.remove() }
        try fixture.commit("first", files: ["a.yaml": "a\n"])
        _ = try fixture.bareClone()
        let daemon = try GitDaemon.start(basePath: fixture.root.path, home: fixture.home)
        let recorder = AnnouncementRecorder()
        let scheduler = Self.scheduler("git://127.0.0.1:\(daemon.port)/served.git", data: fixture.root("data"), recorder: recorder)
        let task = Task { await scheduler.run() }
        defer { task.cancel() }
        #expect(await eventually { await recorder.announced.count == 1 })
        daemon.stop()
        scheduler.board.trigger("site")
        #expect(await eventually { scheduler.board.status()[0].failures >= 2 }, "retries after a short backoff")
        let status = scheduler.board.status()[0]
        #expect(status.lastError?.contains("cannot reach 127.0.0.1") == true)
        #expect(status.ready)
        let current = try #require(scheduler.board.currentRevisions().first)
        #expect(FileManager.default.fileExists(atPath: current.path))
        #expect(scheduler.board.artifactPath(for: current.digest) == current.path)
    }

    @Test func backoffDoublesAndIsCappedAtTheInterval() {
        let scheduler = Self.scheduler("/nowhere", data: "/tmp/unused", recorder: AnnouncementRecorder())
        #expect((1...6).map { scheduler.backoff(failures: $0, interval: 1.0) } == [0.2, 0.4, 0.8, 1.0, 1.0, 1.0])
        #expect((0..<100).map { _ in FetchScheduler.jittered(60) }.allSatisfy { (54...66).contains($0) })
    }
}

@Suite struct ArtifactGarbageTests {
    @Test func keepsTheLastNArtifactsPerSourceAndAlwaysTheCurrentOne() async throws {
        let fixture = try GitFixture()
        defer { fixture.remove() }
        try fixture.commit("v0", files: ["a.yaml": "0\n"])
        let recorder = AnnouncementRecorder()
        let spec = SourceSpec(name: "site", url: fixture.path, ref: .branch("main"), interval: 3600, keep: 2)
        let scheduler = FetchScheduler(sources: [spec], dataDirectory: fixture.root("data"), announcer: recorder, logger: Logger(label: "test"))
        let task = Task { await scheduler.run() }
        defer { task.cancel() }
        #expect(await eventually { await recorder.announced.count == 1 })
        for index in 1...3 {
            try fixture.commit("v\(index)", files: ["a.yaml": "\(index)\n"])
            scheduler.board.trigger("site")
            #expect(await eventually { await recorder.announced.count == index + 1 })
        }
        let stored = try FileManager.default.contentsOfDirectory(atPath: fixture.root("data/artifacts/sha256")).sorted()
        let announced = await recorder.announced
        #expect(stored == announced.suffix(2).map { "\($0.digest.hex).tar.gz" }.sorted())
        #expect(FileManager.default.fileExists(atPath: try #require(announced.last).path))
    }
}

@Suite struct RedactionTests {
    @Test func errorsNeverCarryTheURLPassword() {
        let error = FetchError.git(GitError(function: "git_remote_fetch", message: "unexpected http status for https://bot:hunter2@git.example.com/x.git"),
                                   source: "site", url: "https://bot:hunter2@git.example.com/x.git")
        #expect(!error.message.contains("hunter2"))
        #expect(error.message.contains("https://bot:***@git.example.com/x.git"))
    }
}

@Suite struct StalledServerTests {
    /// A server that accepts connections and never answers: libgit2 blocks in recv without calling back.
    static let silentServer = """
    import socket, sys, time
    s = socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    s.bind(("127.0.0.1", int(sys.argv[1]))); s.listen(8)
    held = []
    while True:
        held.append(s.accept()[0])
    """

    /// A scheduler of one source, `stuck`, whose git server accepts connections and never answers.
    static func schedulerOnASilentServer(
        in directory: TemporaryDirectory, initialBackoff: TimeInterval, overrunGrace: TimeInterval
    ) throws -> (ServerProcess, FetchScheduler) {
        try silentServer.write(toFile: directory("silent.py"), atomically: true, encoding: .utf8)
        let port = FreePort.next()
        let server = try ServerProcess(["python3", directory("silent.py"), String(port)], port: port, home: directory.path, log: directory("silent.log"))
        let spec = SourceSpec(name: "stuck", url: "git://127.0.0.1:\(port)/repo.git", ref: .branch("main"), interval: 3600,
                              connectTimeout: 0.5, transferTimeout: 0.5)
        let scheduler = FetchScheduler(sources: [spec], dataDirectory: directory("data"), announcer: AnnouncementRecorder(),
                                       logger: Logger(label: "test"), initialBackoff: initialBackoff, overrunGrace: overrunGrace)
        return (server, scheduler)
    }

    @Test func aFetchStuckOnASilentServerIsAbandonedAndReported() async throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let (server, scheduler) = try Self.schedulerOnASilentServer(in: directory, initialBackoff: 60, overrunGrace: 0.5)
        defer { server.stop() }
        let task = Task { await scheduler.run() }
        defer { task.cancel() }
        #expect(await eventually(10) { scheduler.board.status()[0].failures >= 1 })
        #expect(scheduler.board.status()[0].lastError?.contains("abandoned") == true)
    }
}
