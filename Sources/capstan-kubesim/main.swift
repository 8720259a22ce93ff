import ArgumentParser
import KubeSim

/// `capstan-kubesim`: the Kubernetes API emulator for tests, benchmarks and the demo.
@main
struct KubeSimCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "capstan-kubesim",
                                                    abstract: "A Kubernetes API emulator that the real kubectl accepts.")

    @Option(help: "Address to listen on (port 0 picks a free port).") var listen = "127.0.0.1:6443"
    @Option(help: "Directory where objects survive restarts.") var state: String?
    @Option(help: "Delay before workloads become available.") var rolloutDelay = "200ms"
    @Option(help: "Images containing this never become available.") var failImagePattern = ":fail"
    @Option(help: "Faults, e.g. latency=50ms,429=0.1,500=0.05,503=0.05,drop=0.01,watch-close=2s.") var faults = ""
    @Option(help: "PEM certificate for TLS.") var tlsCert: String?
    @Option(help: "PEM private key for TLS.") var tlsKey: String?
    @Flag(help: "Serve TLS with a freshly generated self-signed certificate.") var tlsGenerate = false
    @Option(help: "Require this bearer token.") var token: String?
    @Option(help: "Minor version reported by /version.") var minor = 32

    func run() async throws {
        let settings = KubeSimSettings(
            listen: listen, state: state, rolloutDelay: rolloutDelay, failImagePattern: failImagePattern, faults: faults,
            tlsCert: tlsCert, tlsKey: tlsKey, tlsGenerate: tlsGenerate, token: token, minor: minor)
        try await KubeSimMain.run(settings)
    }
}
