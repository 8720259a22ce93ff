/// How an emulator instance behaves: version reported, controller timing, failure simulation and limits.
public struct KubeSimOptions: Sendable {
    /// The minor version `/version` reports; the kubectl dispatcher picks its client by it.
    public var minor: Int = 32
    /// How long simulated controllers wait before a workload becomes available.
    public var rolloutDelay: Duration = .milliseconds(200)
    /// Images matching this pattern never become available (substring match on the image reference).
    public var failImagePattern: String = ":fail"
    /// When set, every request must carry `Authorization: Bearer <token>`.
    public var token: String?
    /// Largest accepted request body, as the real server's 3 MiB limit.
    public var maxBodyBytes: Int = 3 * 1024 * 1024
    /// The faults active from start.
    public var faults: FaultSettings = FaultSettings()
    /// Address reported in legacy discovery.
    public var serverAddress: String = "127.0.0.1:6443"

    public init() {}
}
