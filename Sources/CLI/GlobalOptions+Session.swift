import CapstanCore

extension GlobalOptions {
    /// Loads the config, connects to the stages, runs `body`, and closes every socket after it.
    public func withStages<T>(_ body: (CapstanConfig, StageClients) async throws -> T) async throws -> T {
        let config = try loadConfig()
        let clients = try await connect(config)
        do {
            let result = try await body(config, clients)
            await clients.close()
            return result
        } catch {
            await clients.close()
            throw error
        }
    }
}
