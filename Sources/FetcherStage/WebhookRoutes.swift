import CapstanCore
import Fetcher
import Foundation
import Hummingbird
import Logging
import StageRuntime

/// `POST /hooks/<source>`: a verified push triggers the source at once; 401 on a bad signature,
/// 413 on an oversized body, 200 (ignored) on a replayed delivery, 404 for an unknown source.
struct WebhookRoutes: Sendable {
    let board: SourceBoard
    let secrets: [String: String]
    let verifier: WebhookVerifier
    let logger: Logger

    init(board: SourceBoard, sources: [SourceConfig], maxBody: Int, logger: Logger) {
        self.board = board
        secrets = Dictionary(sources.compactMap { source in source.webhookSecret.map { (source.name, $0) } }) { $1 }
        verifier = WebhookVerifier(maxBody: maxBody)
        self.logger = logger
    }

    func add(to router: StageRouter) {
        router.post("hooks/:source") { request, context -> Response in
            let source = context.parameters.get("source") ?? ""
            let body = try await request.body.collect(upTo: verifier.maxBody + 1)
            var headers: [String: String] = [:]
            for field in request.headers { headers[field.name.canonicalName] = field.value }
            return Response(status: handle(source: source, headers: headers, body: Array(buffer: body)))
        }
    }

    func handle(source: String, headers: [String: String], body: [UInt8]) -> HTTPResponse.Status {
        guard let secretFile = secrets[source] else {
            logger.warning("webhook for a source without webhookSecret", metadata: ["source": "\(source)"])
            return .notFound
        }
        let secret = (try? String(contentsOfFile: secretFile, encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        switch verifier.verify(headers: headers, body: body, secret: Array(secret.utf8)) {
        case .accepted:
            logger.info("webhook accepted", metadata: ["source": "\(source)"])
            return board.trigger(source) ? .accepted : .notFound
        case .replayed(let id):
            logger.info("webhook replay ignored", metadata: ["source": "\(source)", "delivery": "\(id)"])
            return .ok
        case .unauthorized(let reason):
            logger.warning("webhook refused", metadata: ["source": "\(source)", "error": "\(reason)"])
            return .unauthorized
        case .tooLarge:
            logger.warning("webhook body too large", metadata: ["source": "\(source)"])
            return .contentTooLarge
        }
    }
}
