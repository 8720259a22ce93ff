import Hummingbird
import NIOCore
import ServiceLifecycle

/// Adapts Hummingbird requests to `KubeAPI` and writes its responses, streaming watches chunk by chunk.
struct KubeResponder: HTTPResponder {
    typealias Context = BasicRequestContext
    let api: KubeAPI
    let impersonation = ImpersonationLog()

    struct DroppedConnection: Error {}

    func respond(to request: Request, context: BasicRequestContext) async throws -> Response {
        var request = request
        let body: ByteBuffer
        do {
            body = try await request.collectBody(upTo: api.options.maxBodyBytes)
        } catch {
            return Self.response(.status(.tooLarge(api.options.maxBodyBytes)))
        }
        if request.uri.path == ImpersonationLog.path { return Self.response(impersonation.response) }
        impersonation.record(request.headers.first { $0.name.canonicalName == "impersonate-user" }?.value)
        var parsed = APIRequest(method: request.method.rawValue, target: request.uri.string)
        parsed.contentType = request.headers[.contentType] ?? "application/json"
        parsed.accept = request.headers[.accept] ?? "application/json"
        parsed.userAgent = request.headers[.userAgent] ?? ""
        parsed.authorization = request.headers[.authorization]
        parsed.body = Array(buffer: body)
        return Self.response(await api.handle(parsed))
    }

    static func response(_ response: APIResponse) -> Response {
        var fields = HTTPFields()
        for (name, value) in response.headers {
            switch name {
            case "Content-Type": fields[.contentType] = value
            case "Cache-Control": fields[.cacheControl] = value
            case "Retry-After": fields[.retryAfter] = value
            default: break
            }
        }
        let status = HTTPResponse.Status(code: response.status)
        switch response.body {
        case .bytes(let bytes):
            return Response(status: status, headers: fields, body: ResponseBody(byteBuffer: ByteBuffer(bytes: bytes)))
        case .stream(let lines):
            return Response(status: status, headers: fields, body: ResponseBody { writer in
                // A watch must not hold up shutdown: Ctrl-C ends the stream as the real server's does.
                for await line in lines.cancelOnGracefulShutdown() { try await writer.write(ByteBuffer(string: line)) }
                try await writer.finish(nil)
            })
        case .dropConnection:
            return Response(status: status, headers: fields, body: ResponseBody { _ in throw DroppedConnection() })
        }
    }
}
