import CapstanCore
import Messaging
import Renderer

/// Answers TRIGGER, STATUS and GET from the board and the bundle store; quick, as the publisher thread requires.
struct RendererRequests: RequestHandler {
    let board: AppBoard
    let queue: RenderQueue
    let store: BundleStore
    let shard: Shard

    /// `TRIGGER <app>`: renders the app again from its source's newest revision.
    func trigger(_ name: String) -> Result<JSONValue, RequestRefusal> {
        guard let app = board.apps[name] else { return .failure(RequestRefusal("unknown app '\(name)' (not configured, or owned by another shard)")) }
        guard let revision = board.latest(of: app.source) else {
            return .failure(RequestRefusal("app '\(name)': no revision of source '\(app.source)' has arrived yet"))
        }
        queue.enqueue(name)
        return .success(.object(["triggered": .string(name), "revision": .string(revision.revision)]))
    }

    func status() -> JSONValue { board.json(shard: shard) }

    /// `GET <digest>`: a stored bundle, read from disk chunk by chunk.
    func payload(for digest: Digest) -> (any PayloadSource)? {
        FilePayload(path: store.path(of: digest))
    }
}
