import CapstanCore
import Messaging

extension StageClients {
    /// The instances of `stage` in the order to ask about `name`: the one at the position of the
    /// shard owning it (instances are listed in shard order, `--shard i/n` at i), then the others.
    public func instanceOrder(of stage: StageName, for name: String) -> [Int] {
        let count = instances(of: stage).count
        guard count > 1 else { return Array(0..<count) }
        let owner = Int(Shard.fnv1a64(name) % UInt64(count))
        return [owner] + (0..<count).filter { $0 != owner }
    }

    /// Sends `request` about `name` to the instance of `stage` owning it; only when that one
    /// refuses or does not answer (a list not in shard order, an instance down) to all the others.
    public func askOwner(
        _ stage: StageName, of name: String, _ request: @escaping @Sendable (RequestClient) async throws(RequestError) -> JSONValue
    ) async -> [InstanceReply] {
        let order = instanceOrder(of: stage, for: name)
        guard let owner = order.first, order.count > 1 else { return await ask(stage, request) }
        let first = await ask(stage, at: [owner], request)
        if first.contains(where: { $0.value != nil }) { return first }
        return first + (await ask(stage, at: Array(order.dropFirst()), request))
    }
}
