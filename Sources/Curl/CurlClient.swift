/// The async face of libcurl: requests run on bounded worker threads, results come back by continuation.
///
/// Buffered requests and long-lived streams (watches) use separate pools so a set of open
/// watches can never starve ordinary requests.
public final class CurlClient: Sendable {
    private let requests: CurlWorkerPool
    private let streams: CurlWorkerPool

    /// - Parameters:
    ///   - maxConcurrentRequests: worker threads (and so connections) for buffered requests.
    ///   - maxConcurrentStreams: worker threads for streams; each open stream holds one.
    public init(maxConcurrentRequests: Int = 8, maxConcurrentStreams: Int = 32) {
        requests = CurlWorkerPool(name: "curl", maxThreads: maxConcurrentRequests)
        streams = CurlWorkerPool(name: "curl-stream", maxThreads: maxConcurrentStreams)
    }

    /// Sends a request and collects the whole response.
    public func perform(_ request: HTTPRequest) async throws -> HTTPResponse {
        let flag = CancelFlag()
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<HTTPResponse, any Error>) in
                requests.submit { easy in
                    continuation.resume(with: Self.run(request, on: easy, flag: flag))
                }
            }
        } onCancel: {
            flag.cancel()
        }
    }

    /// Sends a request and returns once the response head is in; the body streams after.
    public func stream(_ request: HTTPRequest) async throws -> HTTPStream {
        let flag = CancelFlag()
        let (body, bodyContinuation) = AsyncThrowingStream<[UInt8], any Error>.makeStream()
        bodyContinuation.onTermination = { _ in flag.cancel() }
        let head = try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<HTTPResponseHead, any Error>) in
                streams.submit { easy in
                    Self.runStream(request, on: easy, flag: flag, head: continuation, body: bodyContinuation)
                }
            }
        } onCancel: {
            flag.cancel()
        }
        return HTTPStream(head: head, body: body)
    }

    private static func run(_ request: HTTPRequest, on easy: CurlEasy, flag: CancelFlag) -> Result<HTTPResponse, any Error> {
        var headers: [HTTPHeader] = []
        var body: [UInt8] = []
        let transfer = CurlTransfer(
            onHead: { headers = $0.headers },
            onData: { bytes in
                body.append(contentsOf: bytes)
                return true
            },
            isCancelled: { flag.isCancelled })
        do {
            let (status, version) = try easy.perform(request, transfer: transfer)
            transfer.finish(status: status)
            return .success(HTTPResponse(status: status, headers: headers, body: body, httpVersion: version))
        } catch {
            return .failure(error)
        }
    }

    private static func runStream(
        _ request: HTTPRequest, on easy: CurlEasy, flag: CancelFlag,
        head: CheckedContinuation<HTTPResponseHead, any Error>,
        body: AsyncThrowingStream<[UInt8], any Error>.Continuation
    ) {
        let transfer = CurlTransfer(
            onHead: { head.resume(returning: $0) },
            onData: { bytes in
                body.yield(Array(bytes))
                return true
            },
            isCancelled: { flag.isCancelled })
        do {
            let (status, _) = try easy.perform(request, transfer: transfer)
            transfer.finish(status: status)
            body.finish()
        } catch {
            if !transfer.headDelivered { head.resume(throwing: error) }
            body.finish(throwing: error)
        }
    }
}
