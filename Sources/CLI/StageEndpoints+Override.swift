import CapstanCore
import Messaging

extension StageEndpoints {
    /// Replaces a stage's configured instances with the `--endpoint <stage>=<pub>,<router>` ones
    /// given for it, in the order given (shard order, as in `stages.<stage>.shards`).
    public mutating func override(with options: [String]) throws(CLIError) {
        var given: [StageName: [Upstream]] = [:]
        for option in options {
            let parts = option.split(separator: "=", maxSplits: 1).map(String.init)
            let sockets = parts.count == 2 ? parts[1].split(separator: ",").map(String.init) : []
            guard parts.count == 2, let stage = StageName(rawValue: parts[0]), sockets.count == 2 else {
                throw CLIError("--endpoint '\(option)' is not <stage>=<pub>,<router>",
                               hint: "e.g. --endpoint applier=tcp://applier-1:7421,tcp://applier-1:7422")
            }
            given[stage, default: []].append(Upstream(pub: Self.connectAddress(sockets[0]), router: Self.connectAddress(sockets[1])))
        }
        if let fetchers = given[.fetcher] { fetcher = fetchers }
        if let renderers = given[.renderer] { renderer = renderers }
        if let appliers = given[.applier] { applier = appliers }
    }
}
