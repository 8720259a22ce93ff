import CapstanCore
import CapstanTesting
import FetcherTesting
import Foundation

/// Two instances of each stage (`--shard 0/2`, `--shard 1/2`) over one git repository and kubesim.
/// Instance i of every stage reads `capstan-i.yaml`: the same sources and apps, its own sockets,
/// HTTP port and data, and both instances of the stage upstream of it.
struct ShardedStack {
    /// Per instance, the (pub, router) of fetcher, renderer and applier.
    struct Sockets { var fetcher: (String, String), renderer: (String, String), applier: (String, String) }

    let git: GitFixture
    let cluster: KubeSim
    let configs: [String]
    /// A config for the CLI listing both instances of every stage under `shards`.
    let cliConfig: String
    let sockets: [Sockets]
    let processes: StageProcesses

    /// `apps`: app name → source name; each app's files are `apps/<app>/…` with namespace `<app>`.
    static func with(files: [String: String], sources: [String], apps: [String: String], interval: String = "1h",
                     _ body: (ShardedStack) async throws -> Void) async throws {
        let git = try GitFixture()
        defer { git.remove() }
        try git.commit("first", files: files)
        let cluster = try await KubeSim.start()
        defer { cluster.stop() }
        func endpoint() -> String { "tcp://127.0.0.1:\(StablePort.next())" }
        let sockets = (0..<2).map { _ in Sockets(fetcher: (endpoint(), endpoint()), renderer: (endpoint(), endpoint()), applier: (endpoint(), endpoint())) }
        func upstream(_ pair: (String, String)) -> String { "{ pub: \"\(pair.0)\", router: \"\(pair.1)\" }" }
        var configs: [String] = []
        var commands: [String: (executable: String, arguments: [String])] = [:]
        for index in 0..<2 {
            let own = sockets[index], http = (0..<3).map { _ in "127.0.0.1:\(StablePort.next())" }
            let config = git.root("capstan-\(index).yaml")
            try """
                sources:
                \(sources.map { "  - { name: \($0), url: \"\(git.path)\", interval: \(interval) }" }.joined(separator: "\n"))
                apps:
                \(apps.sorted { $0.key < $1.key }.map { "  - { name: \($0.key), source: \($0.value), path: apps/\($0.key), targetNamespace: \($0.key), prune: true, timeout: 30s }" }.joined(separator: "\n"))
                stages:
                  fetcher: { pub: "\(own.fetcher.0)", router: "\(own.fetcher.1)", http: "\(http[0])", data: "\(git.root("fetcher-\(index)"))" }
                  renderer: { pub: "\(own.renderer.0)", router: "\(own.renderer.1)", http: "\(http[1])", data: "\(git.root("renderer-\(index)"))", upstream: [\(sockets.map { upstream($0.fetcher) }.joined(separator: ", "))] }
                  applier: { pub: "\(own.applier.0)", router: "\(own.applier.1)", http: "\(http[2])", kubeconfig: "\(cluster.kubeconfig)", upstream: [\(sockets.map { upstream($0.renderer) }.joined(separator: ", "))] }
                """.write(toFile: config, atomically: true, encoding: .utf8)
            configs.append(config)
            for (stage, port) in zip(["fetcher", "renderer", "applier"], http) {
                commands["\(stage)-\(index)"] = ("capstan-\(stage)", ["run", "--config", config, "--shard", "\(index)/2", "--http", port])
            }
        }
        // The operator's config: the same sources and apps, every stage's instances as `shards`.
        let cliConfig = git.root("capstan-cli.yaml")
        try """
            sources:
            \(sources.map { "  - { name: \($0), url: \"\(git.path)\", interval: \(interval) }" }.joined(separator: "\n"))
            apps:
            \(apps.sorted { $0.key < $1.key }.map { "  - { name: \($0.key), source: \($0.value), path: apps/\($0.key), targetNamespace: \($0.key), prune: true, timeout: 30s }" }.joined(separator: "\n"))
            stages:
              fetcher: { shards: [\(sockets.map { upstream($0.fetcher) }.joined(separator: ", "))] }
              renderer: { shards: [\(sockets.map { upstream($0.renderer) }.joined(separator: ", "))] }
              applier: { kubeconfig: "\(cluster.kubeconfig)", shards: [\(sockets.map { upstream($0.applier) }.joined(separator: ", "))] }
            """.write(toFile: cliConfig, atomically: true, encoding: .utf8)
        let processes = StageProcesses(commands)
        defer { processes.stopAll() }
        try processes.startAll()
        try await body(ShardedStack(git: git, cluster: cluster, configs: configs, cliConfig: cliConfig, sockets: sockets, processes: processes))
    }

    /// `capstan --config capstan-cli.yaml <arguments>`: the instances come from `stages.<stage>.shards`.
    func capstanWithShardsConfig(_ arguments: [String]) async throws -> CommandRun {
        try await CommandRun.capstan(["--config", cliConfig] + arguments)
    }

    /// `capstan` against instance `index` of every stage only, or (nil) against all instances.
    func capstan(_ arguments: [String], instance index: Int? = nil) async throws -> CommandRun {
        let chosen = index.map { [sockets[$0]] } ?? sockets
        let endpoints = chosen.flatMap { instance in
            [("fetcher", instance.fetcher), ("renderer", instance.renderer), ("applier", instance.applier)].flatMap { stage, pair in
                ["--endpoint", "\(stage)=\(pair.0),\(pair.1)"]
            }
        }
        return try await CommandRun.capstan(["--config", configs[0]] + endpoints + arguments)
    }

    /// Polls `capstan status -o json` over every instance until `matches` holds for its apps.
    func waitForApps(within timeout: Duration = .seconds(30), _ matches: ([JSONValue]) -> Bool) async throws -> [JSONValue] {
        let deadline = ContinuousClock.now + timeout
        var last = ""
        while ContinuousClock.now < deadline {
            let run = try await capstan(["status", "-o", "json"])
            last = run.stdout + run.stderr
            if let apps = (try? JSONValue.parse(run.stdout))?["apps"]?.arrayValue, matches(apps) { return apps }
            try await Task.sleep(for: .milliseconds(200))
        }
        throw StackTimeout(description: "apps did not match within \(timeout); last:\n\(last)\n\(logs())")
    }

    func logs() -> String {
        processes.names.map { "--- \($0)\n" + processes.lines($0).suffix(20).joined(separator: "\n") }.joined(separator: "\n")
    }
}
