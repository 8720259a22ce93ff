import CapstanCore
import Foundation
import Messaging

/// Finds an app's current bundle in the STATUS of the renderer shard owning it (else of the
/// others) and GETs it (verified by digest) into a temporary file.
struct BundleDownload {
    let clients: StageClients

    /// A bundle on disk and what it was rendered from.
    struct Bundle {
        var path: String
        var digest: Digest
        var revision: String?
    }

    /// The downloaded bundle; the caller removes its file.
    func current(of app: String) async throws -> Bundle {
        // The shard owning the app first; the others only if it does not report the app.
        var replies: [InstanceReply] = []
        for index in clients.instanceOrder(of: .renderer, for: app) {
            let reply = await clients.ask(.renderer, at: [index]) { client throws(RequestError) in try await client.status() }[0]
            replies.append(reply)
            guard let entry = StatusMerger.entries([reply.value].compactMap { $0 })[app] else { continue }
            guard let digest = entry["bundle"]?.stringValue.flatMap(Digest.init) else {
                throw CLIError("the renderer has no bundle of \(app) yet (phase \(entry["phase"]?.stringValue ?? "unknown"))",
                               hint: entry["error"]?.stringValue.map { "its last render failed: \($0)" }, exitCode: 2)
            }
            let path = NSTemporaryDirectory() + "capstan-diff-\(UUID().uuidString).yaml"
            do {
                try await clients.instances(of: .renderer)[index].get(digest, to: path)
            } catch {
                throw CLIError("cannot download bundle \(digest) of \(app): \(error)", exitCode: 2)
            }
            return Bundle(path: path, digest: digest, revision: entry["revision"]?.stringValue)
        }
        Console.reportFailures(replies)
        let unreachable = replies.contains { $0.failure != nil }
        throw CLIError(unreachable ? "no renderer that answered knows \(app)" : "no renderer reports \(app)",
                       exitCode: unreachable ? Console.unreachable : 2)
    }
}
