import Logging
import ZeroMQ

/// A process's messaging base: one ZeroMQ context, its security, socket tuning, and — whenever
/// CURVE is on — the ZAP handler that admits only allow-listed client keys.
public final class Transport: Sendable {
    /// The ZAP domain every CURVE server socket authenticates in.
    public static let zapDomain = "capstan"

    public let security: TransportSecurity
    public let tuning: SocketTuning
    let context: Context
    let logger: Logger
    private let zap: SocketLoop<ZAPHandler>?

    private init(context: Context, security: TransportSecurity, tuning: SocketTuning, logger: Logger, zap: SocketLoop<ZAPHandler>?) {
        self.context = context
        self.security = security
        self.tuning = tuning
        self.logger = logger
        self.zap = zap
    }

    /// Creates the context and, for CURVE, starts the ZAP handler before any socket exists.
    public static func start(security: TransportSecurity = .loopback, tuning: SocketTuning = SocketTuning(),
                             logger: Logger = Logger(label: "capstan.messaging")) async throws -> Transport {
        let context = try Context()
        var zap: SocketLoop<ZAPHandler>?
        if case .curve(let curve) = security {
            zap = try await SocketLoop.start(context: context, name: "zap") {
                try ZAPHandler(context: context, allowed: curve.allowedClientKeys, logger: logger)
            }
        }
        return Transport(context: context, security: security, tuning: tuning, logger: logger, zap: zap)
    }

    /// Stops the ZAP handler and shuts the context down, unblocking every socket thread.
    public func shutdown() async {
        await zap?.stop()
        context.shutdown()
    }
}
