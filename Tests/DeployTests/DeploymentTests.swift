import CapstanCore
import Testing

/// What deploy/ promises an operator: locked-down pods with health probes, API access for the
/// applier only, configs that load, and Services where the configs say the stages are.
@Suite struct DeploymentTests {
    static let overlays = ["deploy", "deploy/overlays/ha"]
    static let ports: [String: [String: Int]] = [
        "fetcher": ["pub": 7401, "router": 7402, "http": 9401],
        "renderer": ["pub": 7411, "router": 7412, "http": 9411],
        "applier": ["pub": 7421, "router": 7422, "http": 9421],
    ]

    @Test(arguments: overlays)
    func everyDeploymentRunsLockedDownWithProbes(overlay: String) throws {
        let deployments = try RenderedObjects(overlay).all("Deployment")
        #expect(deployments.count == (overlay == "deploy" ? 3 : 6))
        for deployment in deployments {
            let pod = try #require(deployment.podSpec)
            #expect(pod["securityContext"]?["runAsNonRoot"] == .bool(true), "\(deployment.name): runAsNonRoot")
            for container in deployment.containers {
                let security = container["securityContext"]
                #expect(security?["allowPrivilegeEscalation"] == .bool(false), "\(deployment.name): allowPrivilegeEscalation")
                #expect(security?["readOnlyRootFilesystem"] == .bool(true), "\(deployment.name): readOnlyRootFilesystem")
                #expect(security?["runAsNonRoot"] == .bool(true), "\(deployment.name): container runAsNonRoot")
                #expect(security?["capabilities"]?["drop"]?.strings == ["ALL"], "\(deployment.name): capabilities drop ALL")
                #expect(container["livenessProbe"]?["httpGet"]?["path"]?.stringValue == "/healthz", "\(deployment.name): liveness")
                #expect(container["readinessProbe"]?["httpGet"]?["path"]?.stringValue == "/readyz", "\(deployment.name): readiness")
                #expect(container["resources"]?["requests"] != nil && container["resources"]?["limits"] != nil, "\(deployment.name): resources")
            }
        }
    }

    @Test(arguments: overlays)
    func onlyTheApplierCanReachTheAPI(overlay: String) throws {
        let rendered = try RenderedObjects(overlay)
        let subjects = rendered.all("ClusterRoleBinding").flatMap { $0["subjects"]?.arrayValue ?? [] }
        #expect(subjects.map { "\($0["namespace"]?.stringValue ?? "")/\($0["name"]?.stringValue ?? "")" } == ["capstan-system/capstan-applier"])
        #expect(rendered.all("RoleBinding").isEmpty)
        for deployment in rendered.all("Deployment") {
            let account = deployment.podSpec?["serviceAccountName"]?.stringValue ?? ""
            let isApplier = account == "capstan-applier"
            #expect(isApplier == deployment.name.hasPrefix("capstan-applier"), "\(deployment.name) runs as \(account)")
            if !isApplier { #expect(deployment.podSpec?["automountServiceAccountToken"] == .bool(false), "\(deployment.name) mounts a token") }
        }
        #expect(rendered.all("Namespace").map(\.name) == ["capstan-system"])
        #expect(rendered.objects.allSatisfy { $0["kind"]?.stringValue == "Namespace" || $0["kind"]?.stringValue?.hasPrefix("Cluster") == true
            || $0["metadata"]?["namespace"]?.stringValue == "capstan-system" })
    }

    @Test(arguments: overlays)
    func configLoadsAndItsUpstreamsAreServices(overlay: String) throws {
        let config = try RepositoryFiles.config(overlay + "/capstan.yaml")
        let services = try RenderedObjects(overlay).all("Service")
        func servicePort(_ host: String, _ port: Int) -> Bool {
            services.contains { $0.name == host && ($0["spec"]?["ports"]?.arrayValue ?? []).contains { $0["port"]?.intValue == Int64(port) } }
        }
        for stage in [StageName.renderer, .applier] {
            #expect(config.stages[stage].upstream.count == (overlay == "deploy" ? 1 : 2))
            for instance in config.stages[stage].upstream {
                for endpoint in [instance.pub, instance.router].compactMap(Endpoint.init) {
                    #expect(servicePort(endpoint.host, endpoint.port), "\(overlay): \(stage) upstream \(endpoint) is no Service port")
                }
            }
        }
        for stage in StageName.allCases {
            let settings = config.stages[stage], expected = try #require(Self.ports[stage.rawValue])
            #expect(Endpoint(settings.pub)?.port == expected["pub"] && Endpoint(settings.router)?.port == expected["router"])
            #expect(Endpoint(settings.http) == Endpoint("0.0.0.0:\(expected["http"]!)"))
        }
        #expect(config.stages.applier.kubeconfig == nil, "in the cluster the applier uses its service account")
    }

    @Test(arguments: overlays)
    func containersListenWhereTheConfigSays(overlay: String) throws {
        for deployment in try RenderedObjects(overlay).all("Deployment") {
            let container = try #require(deployment.containers.first)
            let stage = try #require(container["name"]?.stringValue)
            let expected = try #require(Self.ports[stage], "unknown container \(stage)")
            let ports = Dictionary(uniqueKeysWithValues: (container["ports"]?.arrayValue ?? []).map {
                ($0["name"]?.stringValue ?? "", Int($0["containerPort"]?.intValue ?? 0)) })
            #expect(ports == expected, "\(deployment.name)")
            let args = container["args"]?.strings ?? []
            #expect(args.starts(with: ["run", "--config", "/etc/capstan/capstan.yaml", "--http", "0.0.0.0:\(expected["http"]!)"]))
        }
    }

    @Test func haConfigListsEveryStagesShardsInShardOrder() throws {
        let config = try RepositoryFiles.config("deploy/overlays/ha/capstan.yaml")
        let rendered = try RenderedObjects("deploy/overlays/ha")
        for stage in StageName.allCases {
            let shards = config.stages[stage].shards
            #expect(shards.count == 2, "\(stage) lists \(shards.count) shards")
            for (index, shard) in shards.enumerated() {
                let host = try #require(Endpoint(shard.router)?.host)
                // Entry i must be the Service whose pods run --shard i/2, or the CLI asks the wrong owner.
                let service = try #require(rendered.named("Service", host), "\(stage) shard \(index): no Service \(host)")
                let selector = service["spec"]?["selector"]?["capstan.dev/shard"]?.stringValue
                #expect(selector == String(index), "\(host) selects shard \(selector ?? "none"), listed as shard \(index)")
                let deployment = try #require(rendered.named("Deployment", host))
                #expect(Array((deployment.containers.first?["args"]?.strings ?? []).suffix(2)) == ["--shard", "\(index)/2"])
            }
        }
    }

    @Test func haRunsTwoShardsOfEveryStage() throws {
        let deployments = try RenderedObjects("deploy/overlays/ha").all("Deployment")
        for stage in ["fetcher", "renderer", "applier"] {
            for shard in 0..<2 {
                let deployment = try #require(deployments.first { $0.name == "capstan-\(stage)-\(shard)" })
                let args = deployment.containers.first?["args"]?.strings ?? []
                #expect(Array(args.suffix(2)) == ["--shard", "\(shard)/2"], "\(deployment.name): \(args)")
                let selector = deployment["spec"]?["selector"]?["matchLabels"]?["capstan.dev/shard"]?.stringValue
                #expect(selector == String(shard))
            }
        }
        let claims = try RenderedObjects("deploy/overlays/ha").all("PersistentVolumeClaim").map(\.name)
        #expect(claims == ["capstan-fetcher-mirrors-0", "capstan-fetcher-mirrors-1"])
    }
}
