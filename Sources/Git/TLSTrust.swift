import CGit2
import Foundation

/// libgit2 keeps one process-wide CA bundle: HTTPS fetches trusting the same CAs run together, and a
/// fetch wanting another bundle (a source's `caFile`) waits until the others finish, then swaps it in.
enum TLSTrust {
    private static let state = TrustState()
    static let systemBundle = "/etc/ssl/certs/ca-certificates.crt"

    static func acquire(caFile: String?) -> String {
        let wanted = caFile ?? systemBundle
        state.acquire(wanted)
        return wanted
    }

    static func release(_ location: String) { state.release() }
}

private final class TrustState: @unchecked Sendable {
    // Safe to share: every field is read and written with `condition` locked.
    private let condition = NSCondition()
    private var current = TLSTrust.systemBundle
    private var users = 0

    func acquire(_ wanted: String) {
        condition.lock()
        defer { condition.unlock() }
        while wanted != current && users > 0 { condition.wait() }
        if wanted != current {
            _ = capstan_git_opt_set_ssl_cert_file(wanted)
            current = wanted
        }
        users += 1
    }

    func release() {
        condition.lock()
        users -= 1
        condition.broadcast()
        condition.unlock()
    }
}
