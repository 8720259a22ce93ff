import CapstanCore
import Foundation
import Testing

/// compose/docker-compose.yml parses with Capstan's YAML reader and agrees with the config it
/// mounts (compose/capstan.yaml): no Docker engine is needed to catch a port or path typo.
@Suite struct ComposeFileTests {
    static let stages: [StageName] = [.fetcher, .renderer, .applier]
    static let httpPorts: [StageName: Int] = [.fetcher: 9401, .renderer: 9411, .applier: 9421]

    let compose: JSONValue
    let config: CapstanConfig

    init() throws {
        compose = try RepositoryFiles.document("compose/docker-compose.yml")
        config = try RepositoryFiles.config("compose/capstan.yaml")
    }

    func service(_ name: String) throws -> ComposeService {
        let value = try #require(compose["services"]?[name], "compose/docker-compose.yml has no service \(name)")
        return ComposeService(name: name, value: value)
    }

    @Test func composeFileDeclaresTheFiveServices() throws {
        let names = Set(compose["services"]?.objectValue?.keys.map { $0 } ?? [])
        #expect(names == ["fetcher", "renderer", "applier", "kubesim", "git"])
    }

    @Test func everyStageMountsTheConfigItsCommandNamesReadOnly() throws {
        for stage in Self.stages {
            let service = try service(stage.rawValue)
            #expect(service.command.first == "capstan-\(stage.rawValue)" && service.command.dropFirst().first == "run")
            let path = try #require(service.argument("--config"), "\(stage) has no --config")
            let mount = try #require(service.mountTarget(of: "./capstan.yaml"), "\(stage) does not mount ./capstan.yaml")
            #expect(mount.target == path)
            #expect(mount.readOnly, "\(stage) mounts the config writable")
        }
    }

    @Test func stagePortsAgreeWithTheConfig() throws {
        for stage in Self.stages {
            let service = try service(stage.rawValue)
            let settings = config.stages[stage]
            let pub = try #require(Endpoint(settings.pub)), router = try #require(Endpoint(settings.router))
            let http = try #require(Endpoint(settings.http))
            #expect(pub.host == "0.0.0.0" && router.host == "0.0.0.0" && http.host == "0.0.0.0", "\(stage) must bind every interface in its container")
            #expect(Set(service.exposed) == [pub.port, router.port], "\(stage) exposes \(service.exposed)")
            #expect(http.port == Self.httpPorts[stage])
            #expect(service.argument("--http").flatMap(Endpoint.init) == http)
            #expect(service.published == [http.port])
            #expect(service.healthcheck == ["CMD", "capstan-healthcheck", String(http.port), "/healthz"])
            #expect(service.environment["CAPSTAN_HEALTH_PORT"] == String(http.port))
            #expect(settings.insecure, "\(stage) binds 0.0.0.0 without CURVE, which needs insecure: true")
        }
    }

    @Test func downstreamStagesConnectToTheUpstreamServices() throws {
        for stage in [StageName.renderer, .applier] {
            let upstreamStage = try #require(stage.upstream)
            let upstream = config.stages[stage].upstream
            #expect(upstream.count == 1, "\(stage) must list the \(upstreamStage) service as its upstream")
            for instance in upstream {
                let pub = try #require(Endpoint(instance.pub)), router = try #require(Endpoint(instance.router))
                #expect(pub.host == upstreamStage.rawValue && router.host == upstreamStage.rawValue)
                #expect(pub.port == Endpoint(config.stages[upstreamStage].pub)?.port)
                #expect(router.port == Endpoint(config.stages[upstreamStage].router)?.port)
            }
        }
    }

    @Test func stageDataDirectoriesAreNamedVolumes() throws {
        let declared = Set(compose["volumes"]?.objectValue?.keys.map { $0 } ?? [])
        for stage in Self.stages {
            let source = try #require(try service(stage.rawValue).mountSource(at: config.stages[stage].data), "\(stage)'s data directory is not a volume")
            #expect(declared.contains(source), "\(stage) mounts \(source), which is not a declared volume")
        }
    }

    @Test func applierKubeconfigIsMountedAndNamesKubesim() throws {
        let applier = try service("applier")
        let path = try #require(config.stages.applier.kubeconfig)
        let file = try #require(applier.mountSource(at: path), "the applier does not mount its kubeconfig at \(path)")
        let kubeconfig = try RepositoryFiles.document("compose/" + file.replacingOccurrences(of: "./", with: ""))
        let server = try #require(kubeconfig["clusters"]?.arrayValue?.first?["cluster"]?["server"]?.stringValue)
        let listen = try #require(try service("kubesim").argument("--listen").flatMap(Endpoint.init))
        #expect(server == "http://kubesim:\(listen.port)")
        #expect(try service("kubesim").healthcheck == ["CMD", "capstan-healthcheck", String(listen.port), "/healthz"])
    }

    @Test func sourceIsTheGitServiceServingTheExample() throws {
        let source = try #require(config.sources.first)
        #expect(source.url.hasPrefix("git://git:9418/"))
        let git = try service("git")
        #expect(git.mountTarget(of: "../examples/demo")?.readOnly == true)
        for app in config.apps {
            var isDirectory: ObjCBool = false
            let path = RepositoryRoot.file("examples/demo/" + app.path)
            #expect(FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue, "app \(app.name): \(app.path) is not in examples/demo")
        }
    }

    @Test func everyServiceHasAHealthcheckAndARestartPolicy() throws {
        for name in ["fetcher", "renderer", "applier", "kubesim", "git"] {
            let service = try service(name)
            #expect(service.healthcheck.first == "CMD", "\(name) has no healthcheck")
            #expect(service.restart == "unless-stopped", "\(name) has no restart policy")
        }
    }
}
