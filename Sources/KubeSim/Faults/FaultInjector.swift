import NIOConcurrencyHelpers

/// Decides, request by request, which simulated failure (if any) to inflict.
public final class FaultInjector: Sendable {
    /// What to do to one request.
    enum Action {
        case fail(APIStatus)
        case drop
    }

    private let settings: NIOLockedValueBox<FaultSettings>

    init(_ initial: FaultSettings) { settings = NIOLockedValueBox(initial) }

    public var current: FaultSettings {
        get { settings.withLockedValue { $0 } }
        set { settings.withLockedValue { $0 = newValue } }
    }

    var latency: Duration { current.latency }

    func action() -> Action? {
        let faults = current
        var roll = Double.random(in: 0..<1)
        if roll < faults.tooManyRequests {
            var status = APIStatus(code: 429, reason: "TooManyRequests", message: "Too many requests, please try again later.",
                                   details: ["retryAfterSeconds": 1])
            status.retryAfterSeconds = 1
            return .fail(status)
        }
        roll -= faults.tooManyRequests
        if roll < faults.serverError {
            return .fail(APIStatus(code: 500, reason: "InternalError", message: "Internal error occurred: simulated fault"))
        }
        roll -= faults.serverError
        if roll < faults.unavailable {
            return .fail(APIStatus(code: 503, reason: "ServiceUnavailable", message: "the server is currently unable to handle the request"))
        }
        roll -= faults.unavailable
        return roll < faults.dropConnection ? .drop : nil
    }

    /// The watch lifetime: the client's timeout, shortened by a `watch-close` fault.
    func watchTimeout(default seconds: Double) -> Double {
        guard let close = current.watchClose else { return seconds }
        let closeSeconds = Double(close.components.seconds) + Double(close.components.attoseconds) / 1e18
        return min(seconds, closeSeconds)
    }
}
