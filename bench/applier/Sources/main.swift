// Drift heal latency of `capstan-applier run`: a kubectl scale of a managed Deployment, until the
// applier has reverted it, as seen by one watch on the Deployment (the same observer for both
// moments, so its own lag cancels out). Prints p50/p99 and kubectl's own round trip as the peer.
// With <objects> > 0 the bundle also holds that many ConfigMaps, and the applier's peak RSS is printed.
// Usage: applier-drift-bench <bin dir> <trials> [objects]
import CapstanCore
import Foundation
import Kube
import Messaging
import Synchronization

let arguments = CommandLine.arguments
let bin = URL(fileURLWithPath: arguments.count > 1 ? arguments[1] : ".")
let trials = arguments.count > 2 ? Int(arguments[2]) ?? 50 : 50
let extraObjects = arguments.count > 3 ? Int(arguments[3]) ?? 0 : 0
let work = FileManager.default.temporaryDirectory.appendingPathComponent("applier-drift-\(UUID().uuidString)")
try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)

func freePort() -> Int {
    let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    defer { close(fd) }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    withUnsafeMutablePointer(to: &address) { pointer in
        pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { raw in
            _ = bind(fd, raw, length)
            _ = getsockname(fd, raw, &length)
        }
    }
    return Int(UInt16(bigEndian: address.sin_port))
}

func launch(_ executable: String, _ arguments: [String], log: String) throws -> Process {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    FileManager.default.createFile(atPath: work.appendingPathComponent(log).path, contents: nil)
    process.standardOutput = try FileHandle(forWritingTo: work.appendingPathComponent(log))
    process.standardError = process.standardOutput
    try process.run()
    return process
}

/// Serves the bundle's bytes to the applier's GET.
final class Shelf: RequestHandler {
    let bytes: [UInt8]
    init(_ bytes: [UInt8]) { self.bytes = bytes }
    func payload(for digest: Digest) -> (any PayloadSource)? { digest == Digest(of: bytes) ? BytesPayload(bytes) : nil }
}

let (simPort, pub, router, applierPub, applierRouter, http) = (freePort(), freePort(), freePort(), freePort(), freePort(), freePort())
let kubeconfig = work.appendingPathComponent("kubeconfig")
try """
    apiVersion: v1
    kind: Config
    clusters: [{name: sim, cluster: {server: "http://127.0.0.1:\(simPort)"}}]
    users: [{name: sim, user: {}}]
    contexts: [{name: sim, context: {cluster: sim, user: sim}}]
    current-context: sim
    """.write(to: kubeconfig, atomically: true, encoding: .utf8)
try """
    sources: [{name: repo, url: "file:///nonexistent"}]
    apps: [{name: bench, source: repo, targetNamespace: bench, prune: true, interval: 1h}]
    stages:
      renderer: { pub: "tcp://127.0.0.1:\(pub)", router: "tcp://127.0.0.1:\(router)", data: /tmp/unused }
      applier: { pub: "tcp://127.0.0.1:\(applierPub)", router: "tcp://127.0.0.1:\(applierRouter)", kubeconfig: \(kubeconfig.path) }
    """.write(to: work.appendingPathComponent("capstan.yaml"), atomically: true, encoding: .utf8)

let sim = try launch(bin.appendingPathComponent("capstan-kubesim").path, ["--listen", "127.0.0.1:\(simPort)", "--rollout-delay", "20ms"], log: "kubesim.log")
let applier = try launch(bin.appendingPathComponent("capstan-applier").path,
                         ["run", "--config", work.appendingPathComponent("capstan.yaml").path, "--http", "127.0.0.1:\(http)"], log: "applier.log")
defer {
    applier.terminate(); sim.terminate()
    applier.waitUntilExit(); sim.waitUntilExit()
    try? FileManager.default.removeItem(at: work)
}

let bundle = Array("""
    apiVersion: v1
    kind: Namespace
    metadata: {name: bench}
    ---
    apiVersion: apps/v1
    kind: Deployment
    metadata: {name: web}
    spec:
      replicas: 2
      selector: {matchLabels: {app: web}}
      template:
        metadata: {labels: {app: web}}
        spec: {containers: [{name: app, image: "nginx:1.27"}]}
    """.utf8) + (0..<extraObjects).flatMap { index in
        Array("\n---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: settings-\(index)}\ndata: {index: \"\(index)\"}".utf8)
    }
let transport = try await Transport.start()
let publisher = try await EventPublisher.start(transport: transport, settings: PublisherSettings(
    pub: "tcp://127.0.0.1:\(pub)", router: "tcp://127.0.0.1:\(router)", requestHandler: Shelf(bundle)))
publisher.publish(Event(topic: "bundle.bench", fields: [
    "app": "bench", "revision": "main@sha1:1", "digest": .string(Digest(of: bundle).description), "objects": 2,
]))

let kube = KubeClient(config: try KubeConfig.fromFiles([kubeconfig.path]))
let deployment = GroupVersionKind(apiVersion: "apps/v1", kind: "Deployment")
func replicas() async -> Int64? {
    try? await kube.get(deployment, namespace: "bench", name: "web").value(at: ["spec", "replicas"])?.intValue
}
let started = ContinuousClock.now
while await replicas() != 2 {
    guard ContinuousClock.now - started < .seconds(600) else { fatalError("the applier did not apply the bundle within 600 s; see \(work.path)") }
    try await Task.sleep(for: .milliseconds(50))
}

/// Every replicas value the watch saw, with when.
let seen = Mutex<[(ContinuousClock.Instant, Int64)]>([])
let watcher = Task {
    for try await event in try await kube.watch(deployment, namespace: "bench", fieldSelector: "metadata.name=web") {
        if case .modified(let object) = event, let count = object.value(at: ["spec", "replicas"])?.intValue {
            seen.withLock { $0.append((.now, count)) }
        }
    }
}
try await Task.sleep(for: .milliseconds(300))

/// Waits until the applier's status says it applied every object (the Deployment comes first, the ConfigMaps after).
let status = try await RequestClient.start(transport: transport, upstream: Upstream(pub: "tcp://127.0.0.1:\(applierPub)", router: "tcp://127.0.0.1:\(applierRouter)"))
while true {
    let apps = (try? await status.status())?["apps"]?.arrayValue ?? []
    if apps.first?["phase"] == "Ready" { break }
    guard ContinuousClock.now - started < .seconds(600) else { fatalError("the app did not become Ready within 600 s; see \(work.path)") }
    try await Task.sleep(for: .milliseconds(100))
}
let applyTime = ContinuousClock.now - started
await status.close()

var heal: [Double] = [], kubectl: [Double] = []
for trial in 0..<trials {
    let mark = seen.withLock { $0.count }
    let before = ContinuousClock.now
    let scale = try launch("/usr/bin/kubectl", ["--kubeconfig", kubeconfig.path, "scale", "deployment", "web", "-n", "bench", "--replicas=\(5 + trial % 3)"], log: "kubectl.log")
    while scale.isRunning { try await Task.sleep(for: .milliseconds(1)) }
    kubectl.append(Double((ContinuousClock.now - before).components.attoseconds) / 1e15 + Double((ContinuousClock.now - before).components.seconds) * 1000)
    let deadline = ContinuousClock.now + .seconds(10)
    var measured: Double?
    while measured == nil, ContinuousClock.now < deadline {
        let events = seen.withLock { Array($0[mark...]) }
        if let drift = events.firstIndex(where: { $0.1 != 2 }), let revert = events[drift...].firstIndex(where: { $0.1 == 2 }) {
            let latency = events[revert].0 - events[drift].0
            measured = Double(latency.components.seconds) * 1000 + Double(latency.components.attoseconds) / 1e15
        } else {
            try await Task.sleep(for: .milliseconds(1))
        }
    }
    guard let measured else { fatalError("trial \(trial): scale not reverted within 10 s") }
    heal.append(measured)
}
watcher.cancel()
let peakKiB = (try? String(contentsOfFile: "/proc/\(applier.processIdentifier)/status", encoding: .utf8))?
    .split(separator: "\n").first { $0.hasPrefix("VmHWM:") }?.split(separator: " ").dropFirst().first.flatMap { Int($0) } ?? 0
await publisher.stop()
await transport.shutdown()

func percentile(_ values: [Double], _ p: Double) -> Double {
    let sorted = values.sorted()
    return sorted[min(sorted.count - 1, Int((Double(sorted.count) * p).rounded(.up)) - 1)]
}
print("trials=\(trials)")
print("objects=\(extraObjects + 2)")
print("first_apply_s=\(Double(applyTime.components.seconds) + Double(applyTime.components.attoseconds) / 1e18)")
print("applier_peak_rss_mb=\(Double(peakKiB) / 1024)")
print("heal_p50_ms=\(percentile(heal, 0.5))")
print("heal_p99_ms=\(percentile(heal, 0.99))")
print("heal_max_ms=\(heal.max() ?? 0)")
print("kubectl_scale_p50_ms=\(percentile(kubectl, 0.5))")
print("kubectl_scale_p99_ms=\(percentile(kubectl, 0.99))")
