import CapstanCore
import Messaging

/// The CLI's line to every stage instance: one transport and one request client per instance,
/// asked in parallel so an unreachable stage costs one timeout, not one per question.
public final class StageClients: Sendable {
    public let endpoints: StageEndpoints
    let transport: Transport
    let clients: [StageName: [RequestClient]]

    private init(endpoints: StageEndpoints, transport: Transport, clients: [StageName: [RequestClient]]) {
        self.endpoints = endpoints
        self.transport = transport
        self.clients = clients
    }

    /// Opens a client per instance; nothing is sent yet (ZeroMQ connects in the background).
    public static func connect(_ endpoints: StageEndpoints, security: TransportSecurity, policy: RetryPolicy) async throws -> StageClients {
        let transport = try await Transport.start(security: security)
        var clients: [StageName: [RequestClient]] = [:]
        for stage in StageName.allCases {
            for upstream in endpoints[stage] {
                clients[stage, default: []].append(try await RequestClient.start(transport: transport, upstream: upstream, policy: policy))
            }
        }
        return StageClients(endpoints: endpoints, transport: transport, clients: clients)
    }

    /// The clients of `stage`'s instances.
    public func instances(of stage: StageName) -> [RequestClient] { clients[stage] ?? [] }

    /// Sends `request` to every instance of `stage` at once; replies in instance order.
    public func ask(_ stage: StageName, _ request: @escaping @Sendable (RequestClient) async throws(RequestError) -> JSONValue) async -> [InstanceReply] {
        await ask(stage, at: Array(instances(of: stage).indices), request)
    }

    /// Sends `request` to the instances of `stage` at `indices` at once; replies in that order.
    func ask(_ stage: StageName, at indices: [Int], _ request: @escaping @Sendable (RequestClient) async throws(RequestError) -> JSONValue) async -> [InstanceReply] {
        let clients = indices.map { instances(of: stage)[$0] }
        return await withTaskGroup(of: (Int, InstanceReply).self) { group in
            for (index, client) in clients.enumerated() {
                group.addTask {
                    let result: Result<JSONValue, RequestError>
                    do throws(RequestError) { result = .success(try await request(client)) } catch { result = .failure(error) }
                    return (index, InstanceReply(stage: stage, endpoint: client.endpoint, result: result))
                }
            }
            var replies: [(Int, InstanceReply)] = []
            for await reply in group { replies.append(reply) }
            return replies.sorted { $0.0 < $1.0 }.map(\.1)
        }
    }

    /// STATUS from every instance of `stage`.
    public func statuses(_ stage: StageName) async -> [InstanceReply] {
        await ask(stage) { client throws(RequestError) in try await client.status() }
    }

    /// Closes every client and the transport.
    public func close() async {
        for client in clients.values.flatMap({ $0 }) { await client.close() }
        await transport.shutdown()
    }
}
