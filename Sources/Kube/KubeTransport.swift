import Curl
import Logging

/// Sends API requests: credentials, impersonation, the QPS limit and retries with backoff.
///
/// Shared by every `KubeClient` made from one configuration (impersonating clients included),
/// so they share connections and one rate limit.
final class KubeTransport: Sendable {
    let config: KubeConfig
    let options: KubeClientOptions
    let curl: CurlClient
    let limiter: RateLimiter
    let credentials: CredentialSource
    let logger: Logger

    init(config: KubeConfig, options: KubeClientOptions, logger: Logger) {
        self.config = config
        self.options = options
        self.curl = CurlClient(
            maxConcurrentRequests: options.maxConcurrentRequests, maxConcurrentStreams: options.maxConcurrentWatches)
        self.limiter = RateLimiter(qps: options.qps, burst: options.burst)
        self.credentials = CredentialSource(config.credentials)
        self.logger = logger
    }

    /// Sends a request and returns its 2xx response; throws `KubeAPIError` for any other status.
    func send(_ request: KubeRequest, as impersonation: Impersonation?) async throws -> HTTPResponse {
        try await withRetries(request, as: impersonation) { http in
            let response = try await self.curl.perform(http)
            if (200..<300).contains(response.status) { return response }
            throw KubeAPIError(response: response)
        }
    }

    /// Opens a stream and returns once a 2xx head arrived; an error status is read and thrown.
    func stream(_ request: KubeRequest, as impersonation: Impersonation?) async throws -> HTTPStream {
        let timeouts = HTTPTimeouts(connect: options.timeouts.connect, total: .zero)
        return try await withRetries(request, as: impersonation, timeouts: timeouts) { http in
            let stream = try await self.curl.stream(http)
            if (200..<300).contains(stream.head.status) { return stream }
            var body: [UInt8] = []
            for try await chunk in stream.body { body += chunk }
            throw KubeAPIError(response: HTTPResponse(status: stream.head.status, headers: stream.head.headers, body: body))
        }
    }

    private func withRetries<Result: Sendable>(
        _ request: KubeRequest, as impersonation: Impersonation?, timeouts: HTTPTimeouts? = nil,
        _ attempt: (HTTPRequest) async throws -> Result
    ) async throws -> Result {
        var refreshedCredentials = false
        var number = 1
        while true {
            try await limiter.acquire()
            let http = try await httpRequest(request, as: impersonation, timeouts: timeouts ?? options.timeouts)
            do {
                return try await attempt(http)
            } catch let error as KubeAPIError {
                if error.code == 401, credentials.canRefresh, !refreshedCredentials {
                    refreshedCredentials = true
                    await credentials.invalidate()
                    continue
                }
                guard error.isRetryable, number < options.retry.maxAttempts else { throw error }
                try await backoff(request, attempt: number, reason: "HTTP \(error.code)", retryAfter: error.retryAfterSeconds)
            } catch let error as CurlError {
                let failure = KubeClientError.transport(method: request.method, path: request.path, error)
                guard error.isRetryable, number < options.retry.maxAttempts else { throw failure }
                try await backoff(request, attempt: number, reason: error.message, retryAfter: nil)
            }
            number += 1
        }
    }

    private func backoff(_ request: KubeRequest, attempt: Int, reason: String, retryAfter: Int?) async throws {
        let delay = options.retry.delay(afterAttempt: attempt, retryAfterSeconds: retryAfter)
        logger.debug(
            "retrying request",
            metadata: [
                "method": "\(request.method)", "path": "\(request.path)", "attempt": "\(attempt)", "reason": "\(reason)",
                "delay": "\(delay)",
            ])
        try await Task.sleep(for: delay)
    }

    private func httpRequest(
        _ request: KubeRequest, as impersonation: Impersonation?, timeouts: HTTPTimeouts
    ) async throws -> HTTPRequest {
        var headers = [HTTPHeader("Accept", request.accept), HTTPHeader("User-Agent", options.userAgent)]
        if let contentType = request.contentType { headers.append(HTTPHeader("Content-Type", contentType)) }
        if let authorization = try await credentials.authorization() {
            headers.append(HTTPHeader("Authorization", authorization))
        }
        for (name, value) in impersonation?.headers ?? [] { headers.append(HTTPHeader(name, value)) }
        return HTTPRequest(
            method: request.method, url: config.server + request.pathAndQuery, headers: headers, body: request.body,
            tls: config.tls, timeouts: timeouts)
    }
}
