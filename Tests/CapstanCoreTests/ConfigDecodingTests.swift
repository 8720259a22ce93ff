import CapstanCore
import Testing

@Suite struct ConfigDecodingTests {
    static let full = """
        sources:
          - name: platform
            url: https://git.example.com/org/platform.git
            ref: { semver: ">=1.0.0 <2.0.0" }
            interval: 1m30s
            timeout: 45s
            secretRef: /etc/capstan/git/platform
            ignore: ["docs/", "*.md"]
            webhookSecret: /etc/capstan/hooks/platform
            includeSubmodules: true
          - name: pinned
            url: git@github.com:org/pinned.git
            ref: { commit: 0123456789ABCDEF0123456789abcdef01234567 }
        apps:
          - name: infra
            source: platform
            path: infra
          - name: podinfo
            source: platform
            path: apps/podinfo/overlays/prod
            targetNamespace: podinfo
            prune: true
            wait: true
            interval: 10m
            timeout: 5m
            dependsOn: [infra]
            substitute: { CLUSTER: prod, REPLICAS: 3 }
            suspend: false
            serviceAccount: podinfo/deployer
            helm:
              releaseName: web
              namespace: podinfo
              values:
                replicaCount: 2
                enabled: yes
                image: { tag: "1.0", pullPolicy: IfNotPresent }
                ports: [80, 443]
                ratio: 0.5
                nothing: ~
              valuesFiles: [values-prod.yaml]
              set: { image.tag: "2.0" }
        stages:
          fetcher: { pub: "tcp://fetcher:7401", router: "tcp://fetcher:7402", http: "0.0.0.0:9401", data: /var/lib/capstan/fetcher, keepArtifacts: 5, concurrency: 8 }
          renderer:
            pub: "tcp://renderer:7411"
            router: "tcp://renderer:7412"
            upstream:
              - { pub: "tcp://fetcher-0:7401", router: "tcp://fetcher-0:7402" }
              - { pub: "tcp://fetcher-1:7401", router: "tcp://fetcher-1:7402", serverPublicKeyFile: /keys/f1.pub }
          applier:
            pub: "tcp://applier:7421"
            router: "tcp://applier:7422"
            kubeconfig: ""
            insecure: true
            inventoryNamespace: capstan-state
            curve:
              serverSecretKeyFile: /keys/applier.key
              serverPublicKeyFile: /keys/applier.pub
              allowedClientKeys: ["rq:rM>}U?@Lns47E1%kR.o@n%FcmmsL/@{H8]yf7"]
        limits:
          artifactBytes: 256Mi
          artifactFiles: 5000
          yamlDepth: 64
        """

    @Test func decodesAFullConfig() throws {
        let config = try CapstanConfig.decode(Self.full, file: "capstan.yaml")
        #expect(config.sources == [
            SourceConfig(
                name: "platform", url: "https://git.example.com/org/platform.git", ref: .semver(">=1.0.0 <2.0.0"),
                interval: .seconds(90), timeout: .seconds(45), secretRef: "/etc/capstan/git/platform",
                ignore: ["docs/", "*.md"], webhookSecret: "/etc/capstan/hooks/platform", includeSubmodules: true),
            SourceConfig(name: "pinned", url: "git@github.com:org/pinned.git", ref: .commit("0123456789abcdef0123456789abcdef01234567")),
        ])
        let helm = HelmConfig(
            releaseName: "web", namespace: "podinfo",
            values: [
                "replicaCount": 2, "enabled": true, "image": ["tag": "1.0", "pullPolicy": "IfNotPresent"],
                "ports": [80, 443], "ratio": 0.5, "nothing": nil,
            ],
            valuesFiles: ["values-prod.yaml"], set: ["image.tag": "2.0"])
        #expect(config.apps == [
            AppConfig(name: "infra", source: "platform", path: "infra"),
            AppConfig(
                name: "podinfo", source: "platform", path: "apps/podinfo/overlays/prod", targetNamespace: "podinfo",
                prune: true, wait: true, interval: .minutes(10), timeout: .minutes(5), dependsOn: ["infra"],
                substitute: ["CLUSTER": "prod", "REPLICAS": "3"], serviceAccount: "podinfo/deployer", helm: helm),
        ])
        let stages = config.stages
        #expect(stages.fetcher == StageConfig(
            pub: "tcp://fetcher:7401", router: "tcp://fetcher:7402", http: "0.0.0.0:9401",
            data: "/var/lib/capstan/fetcher", concurrency: 8, keepArtifacts: 5))
        #expect(stages.renderer.upstream == [
            UpstreamConfig(pub: "tcp://fetcher-0:7401", router: "tcp://fetcher-0:7402"),
            UpstreamConfig(pub: "tcp://fetcher-1:7401", router: "tcp://fetcher-1:7402", serverPublicKeyFile: "/keys/f1.pub"),
        ])
        #expect(stages.renderer.http == "127.0.0.1:9411")
        #expect(stages.applier.kubeconfig == nil)
        #expect(stages.applier.insecure)
        #expect(stages.applier.inventoryNamespace == "capstan-state")
        #expect(stages.applier.upstream == [UpstreamConfig(pub: "tcp://renderer:7411", router: "tcp://renderer:7412")])
        #expect(stages.applier.curve?.allowedClientKeys.count == 1)
        #expect(config.limits.artifactBytes == 256 << 20)
        #expect(config.limits.artifactFiles == 5000)
        #expect(config.limits.yaml.maxDepth == 64)
    }

    @Test func fillsDefaultsForEverythingLeftOut() throws {
        let config = try CapstanConfig.decode("sources:\n  - {name: s, url: /srv/git/s}\napps:\n  - {name: a, source: s}\n", file: "c.yaml")
        let source = try #require(config.sources.first)
        #expect(source.ref == .branch("main"))
        #expect(source.interval == .minutes(1))
        #expect(source.timeout == .seconds(60))
        #expect(source.ignore.isEmpty && source.secretRef == nil && !source.includeSubmodules)
        let app = try #require(config.apps.first)
        #expect(app == AppConfig(name: "a", source: "s"))
        #expect(app.path == "." && !app.prune && !app.wait && !app.suspend)
        #expect(app.interval == .minutes(10) && app.timeout == .minutes(10))
        #expect(config.stages.fetcher == StageConfig(
            pub: "tcp://127.0.0.1:7401", router: "tcp://127.0.0.1:7402", http: "127.0.0.1:9401",
            data: "/var/lib/capstan/fetcher"))
        #expect(config.stages.renderer.upstream == [UpstreamConfig(pub: "tcp://127.0.0.1:7401", router: "tcp://127.0.0.1:7402")])
        #expect(config.stages.applier.upstream.first?.pub == "tcp://127.0.0.1:7411")
        #expect(config.stages.fetcher.keepArtifacts == 3 && config.stages.fetcher.concurrency == 4)
        #expect(config.limits == LimitsConfig())
    }

    @Test func anEmptyFileIsAllDefaults() throws {
        #expect(try CapstanConfig.decode("", file: "c.yaml") == CapstanConfig())
        #expect(try CapstanConfig.decode("# nothing yet\n", file: "c.yaml") == CapstanConfig())
    }

    @Test func appTimeoutDefaultsToItsInterval() throws {
        let config = try CapstanConfig.decode("sources: [{name: s, url: /s}]\napps: [{name: a, source: s, interval: 2m}]\n", file: "c.yaml")
        #expect(config.apps.first?.timeout == .minutes(2))
    }

    @Test func helmValuesFollowHelmsYAMLReading() throws {
        let text = """
            sources: [{name: s, url: /s}]
            apps:
              - name: a
                source: s
                helm:
                  values:
                    base: &b {x: 1, y: 2}
                    merged: {<<: *b, y: 3}
                    octal: 010
                    hex: 0x1F
                    quoted: "true"
                    tagged: !!str 12
                    off: off
            """
        let values = try CapstanConfig.decode(text, file: "c.yaml").apps.first?.helm?.values
        #expect(values?["merged"] == ["x": 1, "y": 3])
        #expect(values?["octal"] == 8)
        #expect(values?["hex"] == 31)
        #expect(values?["quoted"] == "true")
        #expect(values?["tagged"] == "12")
        #expect(values?["off"] == false)
    }

    @Test func loadsFromAFileAndReportsAMissingOne() throws {
        let path = "/tmp/capstan-config-test-\(UInt64.random(in: 0...UInt64.max)).yaml"
        try CapstanConfigTestFile.write("sources: [{name: s, url: /s}]\n", to: path)
        defer { CapstanConfigTestFile.remove(path) }
        #expect(try CapstanConfig.load(path: path).sources.map(\.name) == ["s"])
        #expect(throws: ConfigError.self) { try CapstanConfig.load(path: path + ".missing") }
        do {
            _ = try CapstanConfig.load(path: path + ".missing")
        } catch {
            #expect(error.description == "\(path).missing: cannot open the config file: No such file or directory")
        }
    }
}
