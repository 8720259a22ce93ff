/// Why a stage's HTTP endpoints could not start, worded for the operator who must fix it.
public struct HealthServerError: Error, CustomStringConvertible {
    public var address: HTTPAddress
    public var reason: String

    public var description: String {
        "cannot listen on \(address) for /healthz, /readyz and /metrics: \(reason);"
            + " free the port or choose another with --http host:port"
    }
}
