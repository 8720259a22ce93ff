/// The REST mapper, loaded on first use and refreshed when a kind is unknown or on request.
///
/// Concurrent callers share one refresh; an unknown kind refreshes at most once per
/// `refreshInterval`, so a bundle full of typos cannot hammer the server.
actor DiscoveryCache {
    private let discovery: Discovery
    private let refreshInterval: Duration
    private var mapper: RESTMapper?
    private var loadedAt: ContinuousClock.Instant?
    private var inFlight: Task<RESTMapper, any Error>?

    init(discovery: Discovery, refreshInterval: Duration) {
        self.discovery = discovery
        self.refreshInterval = refreshInterval
    }

    func mapping(for kind: GroupVersionKind) async throws -> ResourceMapping {
        if let found = try await current().mapping(for: kind) { return found }
        if let loadedAt, loadedAt.duration(to: .now) < refreshInterval {
            throw KubeClientError.unknownKind(kind)
        }
        guard let found = try await refresh().mapping(for: kind) else { throw KubeClientError.unknownKind(kind) }
        return found
    }

    func current() async throws -> RESTMapper {
        if let mapper { return mapper }
        return try await refresh()
    }

    /// Loads discovery again (after CRDs were created), sharing a load already under way.
    @discardableResult
    func refresh() async throws -> RESTMapper {
        if let inFlight { return try await inFlight.value }
        let discovery = self.discovery
        let task = Task { try await discovery.load() }
        inFlight = task
        defer { inFlight = nil }
        let loaded = try await task.value
        mapper = loaded
        loadedAt = .now
        return loaded
    }
}
