// swift-tools-version:6.0
import PackageDescription

/// Capstan: GitOps for Kubernetes in three ZeroMQ-connected stages.
/// Module map: see ../shared/DESIGN.md ("Intended layout") and docs/architecture.md.

let argumentParser = Target.Dependency.product(name: "ArgumentParser", package: "swift-argument-parser")
let logging = Target.Dependency.product(name: "Logging", package: "swift-log")
let metrics = Target.Dependency.product(name: "Metrics", package: "swift-metrics")
let prometheus = Target.Dependency.product(name: "Prometheus", package: "swift-prometheus")
let serviceLifecycle = Target.Dependency.product(name: "ServiceLifecycle", package: "swift-service-lifecycle")
let hummingbird = Target.Dependency.product(name: "Hummingbird", package: "hummingbird")
let hummingbirdTesting = Target.Dependency.product(name: "HummingbirdTesting", package: "hummingbird")
let crypto = Target.Dependency.product(name: "Crypto", package: "swift-crypto")
let collections = Target.Dependency.product(name: "Collections", package: "swift-collections")
let version = Target.Dependency.product(name: "Version", package: "Version")
let nio = Target.Dependency.product(name: "NIOCore", package: "swift-nio")
let nioPosix = Target.Dependency.product(name: "NIOPosix", package: "swift-nio")
let hummingbirdTLS = Target.Dependency.product(name: "HummingbirdTLS", package: "hummingbird")
let nioConcurrency = Target.Dependency.product(name: "NIOConcurrencyHelpers", package: "swift-nio")
let nioSSL = Target.Dependency.product(name: "NIOSSL", package: "swift-nio-ssl")
let hummingbirdCore = Target.Dependency.product(name: "HummingbirdCore", package: "hummingbird")

let package = Package(
    name: "Capstan",
    platforms: [.macOS(.v15)],
    products: [],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.0"),
        .package(url: "https://github.com/apple/swift-metrics", from: "2.5.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.0.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.6.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.80.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.5.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.0"),
        .package(url: "https://github.com/apple/swift-collections", from: "1.1.0"),
        .package(url: "https://github.com/mxcl/Version", from: "2.1.0"),
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.29.0"),
    ],
    targets: [
        // C libraries, each behind a system-library target.
        .systemLibrary(name: "CGit2", pkgConfig: "libgit2", providers: [.apt(["libgit2-dev"])]),
        .systemLibrary(name: "CZeroMQ", pkgConfig: "libzmq", providers: [.apt(["libzmq3-dev"])]),
        .systemLibrary(name: "CCurl", pkgConfig: "libcurl", providers: [.apt(["libcurl4-openssl-dev"])]),
        .systemLibrary(name: "CYAML", pkgConfig: "yaml-0.1", providers: [.apt(["libyaml-dev"])]),
        .systemLibrary(name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),

        // Thin Swift layer over libyaml's event parser: the ordered YAML node model.
        .target(name: "YAML", dependencies: ["CYAML"]),
        .executableTarget(name: "capstan-yaml-bench", dependencies: ["YAML"], path: "bench/yaml/Sources"),

        // Domain: names, revisions, digests, object identity, config, events, errors; no I/O.
        .target(name: "CapstanCore", dependencies: ["YAML", version, collections, crypto]),

        // File access confined to an artifact root, shared by every render engine.
        .target(name: "Sandbox"),

        .testTarget(name: "SandboxTests", dependencies: ["Sandbox"]),
        .testTarget(name: "CapstanCoreTests", dependencies: ["CapstanCore"]),
        .testTarget(name: "YAMLTests", dependencies: ["YAML"]),

        // Fetcher stage: libgit2 wrapper, deterministic tar.gz, the stage library and its executable.
        .target(name: "Git", dependencies: ["CGit2", version, crypto]),
        .target(name: "Archive", dependencies: ["CZlib", "CapstanCore", crypto]),
        .target(name: "Fetcher", dependencies: ["Git", "Archive", "CapstanCore", logging, metrics, crypto]),
        .target(name: "FetcherStage", dependencies: ["Fetcher", "Messaging", "StageRuntime", "CapstanCore", logging, serviceLifecycle, hummingbird]),
        .executableTarget(name: "capstan-fetcher", dependencies: ["Fetcher", "FetcherStage", "StageRuntime", "CapstanCore", argumentParser, logging]),
        .target(name: "FetcherTesting", dependencies: [], path: "Tests/FetcherTesting"),
        .testTarget(name: "GitTests", dependencies: ["Git", "FetcherTesting"]),
        .testTarget(name: "ArchiveTests", dependencies: ["Archive", "CapstanCore"]),
        .testTarget(name: "FetcherTests", dependencies: ["Fetcher", "FetcherStage", "Git", "Archive", "CapstanCore", "FetcherTesting", "CapstanTesting", crypto, "capstan-fetcher"]),

        // Kubernetes objects on the YAML model: the kustomize-exact emitter, decoding, ordering.
        .target(name: "Manifests", dependencies: ["CapstanCore", "YAML"]),
        .testTarget(name: "ManifestsTests", dependencies: ["Manifests", "CapstanCore", "YAML"]),

        // JSON patch, merge patch, strategic merge patch and server-side apply over JSONValue.
        .target(name: "Patching", dependencies: ["CapstanCore"]),
        .testTarget(name: "PatchingTests", dependencies: ["Patching"]),

        // The kustomize-compatible overlay engine.
        .target(name: "Overlays", dependencies: ["CapstanCore", "Charts", "Manifests", "Patching", "Sandbox", "YAML", crypto]),
        .testTarget(name: "OverlaysTests", dependencies: ["Overlays", "Manifests", "Sandbox", "CapstanCore", "CapstanTesting"]),

        // Shared runtime of every stage executable: logging, redaction, options, HTTP health/metrics, lifecycle.
        .target(
            name: "StageRuntime",
            dependencies: [
                "CapstanCore", logging, metrics, prometheus, serviceLifecycle, hummingbird, argumentParser, nio,
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
            ]
        ),
        .executableTarget(name: "capstan-runtime-probe", dependencies: ["StageRuntime", argumentParser]),
        .testTarget(name: "StageRuntimeTests", dependencies: ["StageRuntime", "CapstanTesting", logging, metrics]),

        // The applier's reconcile steps and sequence, programmed against the ClusterClient seam.
        .target(name: "Applier", dependencies: ["CapstanCore", "Kube", "Manifests", crypto]),
        // The applier daemon: bundles in, reconciles, drift healing, `status.<app>` out.
        .target(name: "ApplierStage", dependencies: ["Applier", "Kube", "Manifests", "Messaging", "StageRuntime", "CapstanCore", logging, metrics, serviceLifecycle]),
        .executableTarget(name: "capstan-applier", dependencies: ["Applier", "ApplierStage", "StageRuntime", "CapstanCore", argumentParser]),
        .testTarget(name: "ApplierTests", dependencies: ["Applier", "CapstanCore", "CapstanTesting", "Kube", "capstan-kubesim", "capstan-applier"]),
        // Not a test: bench/applier/drift.sh measures drift heal latency of the daemon against kubesim.
        .executableTarget(name: "applier-drift-bench", dependencies: ["Messaging", "Kube", "CapstanCore"], path: "bench/applier/Sources"),
        .testTarget(name: "ApplierStageTests", dependencies: ["ApplierStage", "Applier", "Messaging", "StageRuntime", "CapstanCore", "CapstanTesting", "Kube", "FetcherTesting", "capstan-kubesim", "capstan-applier", logging]),
        // The renderer stage: app layouts, plain directories, post-build substitution, bundles and their store.
        .target(name: "Renderer", dependencies: ["CapstanCore", "Charts", "Manifests", "Overlays", "Sandbox", "YAML"]),
        // The renderer daemon: revisions in, bundles out, over Messaging; the executable only runs it.
        .target(name: "RendererStage", dependencies: ["Renderer", "Overlays", "Archive", "Messaging", "StageRuntime", "CapstanCore", logging, metrics, serviceLifecycle]),
        .executableTarget(name: "capstan-renderer", dependencies: ["Renderer", "RendererStage", "StageRuntime", "CapstanCore", "Templates", argumentParser]),
        .testTarget(name: "RendererStageTests", dependencies: ["RendererStage", "Renderer", "FetcherStage", "Fetcher", "Messaging", "StageRuntime", "CapstanCore", "CapstanTesting", "FetcherTesting", "capstan-renderer", logging]),
        .testTarget(name: "RendererTests", dependencies: ["Renderer", "CapstanCore", "Sandbox", "CapstanTesting"], exclude: ["Golden"]),

        // Shared test support: child processes with deadlines, a loopback HTTP client.
        .target(name: "CapstanTesting"),
        // Go text/template + Sprig + Helm functions, natively.
        .target(name: "Templates", dependencies: ["CapstanCore", "Manifests", "YAML", crypto, version, argumentParser,
                                                  .product(name: "_CryptoExtras", package: "swift-crypto")],
                // The executor's state lives on one class; dynamic exclusivity checks cost ~10 % of a render.
                swiftSettings: [.unsafeFlags(["-enforce-exclusivity=unchecked"], .when(configuration: .release))]),
        .testTarget(name: "TemplatesTests", dependencies: ["Templates", "CapstanCore"]),
        // Helm charts rendered natively: loading, values coalescing, rendering, ordering.
        .target(name: "Charts", dependencies: ["Templates", "Manifests", "Sandbox", "CapstanCore", "Archive"]),
        .testTarget(name: "ChartsTests", dependencies: ["Charts", "Sandbox", "CapstanCore", "CapstanTesting", "Templates"], exclude: ["conformance-floor.json", "FAILING.md"]),

        // ZeroMQ: the only module importing CZeroMQ; sockets live on their own threads.
        .target(name: "ZeroMQ", dependencies: ["CZeroMQ"]),
        // Messaging: the stage protocol (events, snapshots, requests, CURVE/ZAP) on ZeroMQ.
        .target(name: "Messaging", dependencies: ["ZeroMQ", "CapstanCore", logging, serviceLifecycle, crypto]),
        .testTarget(name: "MessagingTests", dependencies: ["Messaging", "ZeroMQ", "CapstanCore", serviceLifecycle, logging]),
        // CLI: the `capstan` subcommands, one per file; the executable only lists them.
        .target(name: "CLI", dependencies: ["Messaging", "ZeroMQ", "CapstanCore", "Applier", argumentParser]),
        .executableTarget(name: "capstan", dependencies: ["CLI", argumentParser]),
        .testTarget(name: "CLITests", dependencies: ["CLI", "Messaging", "CapstanCore", "CapstanTesting", "FetcherTesting", "Applier", "capstan", "capstan-fetcher", "capstan-renderer", "capstan-applier", "capstan-kubesim", serviceLifecycle]),
        // Not a test: bench/messaging/run.sh sets its figures beside raw libzmq's.
        .executableTarget(name: "messaging-bench", dependencies: ["Messaging", "CapstanCore", logging],
                          path: "bench/messaging/Sources"),
        // HTTP over libcurl: worker threads, connection reuse, TLS, streaming; the only CCurl user.
        .target(name: "Curl", dependencies: ["CCurl"]),
        // Kubernetes API client on Curl: kubeconfig, discovery, REST mapping, verbs, watch, retries.
        .target(name: "Kube", dependencies: ["Curl", "CapstanCore", "YAML", logging]),
        .testTarget(name: "KubeTests", dependencies: ["Kube", "Curl", "CapstanCore", "capstan-kubesim"], exclude: ["Fixtures"]),

        // Kubernetes API emulator: the cluster for tests, benchmarks and the demo.
        .target(name: "KubeSim", dependencies: ["CapstanCore", "Manifests", "Patching", hummingbird, hummingbirdCore, hummingbirdTLS, nio, nioConcurrency, nioSSL, logging, serviceLifecycle]),
        .executableTarget(name: "capstan-kubesim", dependencies: ["KubeSim", argumentParser]),
        .testTarget(name: "KubeSimTests", dependencies: ["KubeSim", "CapstanCore", "capstan-kubesim"]),

        // compose/, deploy/ and examples/: parse, agree with their configs, render like kubectl kustomize.
        .testTarget(name: "DeployTests", dependencies: ["Overlays", "Sandbox", "Manifests", "CapstanCore", "YAML", "Renderer", "CapstanTesting", "capstan-kubesim", "capstan-applier"]),
    ]
)
