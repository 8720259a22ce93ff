import CapstanCore
import NIOConcurrencyHelpers

/// Counts requests per `Impersonate-User`, so tests can check a client acted as the identity it was told to.
/// `GET /_sim/impersonation` answers `{"<user>": <requests>, …}`.
final class ImpersonationLog: Sendable {
    static let path = "/_sim/impersonation"
    private let counts = NIOLockedValueBox<[String: Int]>([:])

    func record(_ user: String?) {
        guard let user, !user.isEmpty else { return }
        counts.withLockedValue { $0[user, default: 0] += 1 }
    }

    var response: APIResponse {
        let snapshot = counts.withLockedValue { $0 }
        return .json(.object(snapshot.mapValues { .int(Int64($0)) }))
    }
}
