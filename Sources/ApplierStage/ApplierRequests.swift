import CapstanCore
import Messaging

/// Answers STATUS, TRIGGER <app>, SUSPEND <app> and RESUME <app> from the board; quick, as the
/// publisher thread requires (persisting a suspension is left to the app's worker).
struct ApplierRequests: RequestHandler {
    let board: AppBoard
    let shard: Shard

    func status() -> JSONValue {
        ["stage": "applier", "shard": .string(shard.description), "apps": .array(board.statuses().map(\.json))]
    }

    func trigger(_ name: String) -> Result<JSONValue, RequestRefusal> {
        board.trigger(name) ? .success(["triggered": .string(name)]) : .failure(unknown(name))
    }

    var customVerbs: Set<String> { ["SUSPEND", "RESUME"] }

    func perform(_ verb: String, name: String) -> Result<JSONValue, RequestRefusal> {
        let suspended = verb == "SUSPEND"
        return board.setSuspended(name, suspended) ? .success(["app": .string(name), "suspended": .bool(suspended)]) : .failure(unknown(name))
    }

    func unknown(_ name: String) -> RequestRefusal {
        RequestRefusal("unknown app '\(name)' (not in the config, or owned by another applier shard than \(shard))")
    }
}
