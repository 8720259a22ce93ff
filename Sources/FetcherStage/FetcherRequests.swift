import CapstanCore
import Fetcher
import Messaging

/// Answers TRIGGER, STATUS and GET from the scheduler's board; quick, as the publisher thread requires.
struct FetcherRequests: RequestHandler {
    let board: SourceBoard

    func trigger(_ name: String) -> Result<JSONValue, RequestRefusal> {
        board.trigger(name) ? .success(.object(["triggered": .string(name)])) : .failure(RequestRefusal("unknown source '\(name)'"))
    }

    func status() -> JSONValue {
        .object(["stage": .string("fetcher"), "sources": .array(board.status().map(\.json))])
    }

    func payload(for digest: Digest) -> (any PayloadSource)? {
        board.artifactPath(for: digest).flatMap { FilePayload(path: $0) }
    }
}
