import Fetcher
import Foundation
import Messaging

/// Announces revisions on the stage's publisher, which starts after the scheduler exists.
final class PublisherAnnouncer: RevisionAnnouncer, @unchecked Sendable {
    // Safe to share: `publisher` is only read and written with `lock` held.
    private let lock = NSLock()
    private var publisher: EventPublisher?

    func attach(_ publisher: EventPublisher) { lock.withLock { self.publisher = publisher } }

    func announce(_ revision: FetchedRevision) async {
        lock.withLock { publisher }?.publish(revision.event)
    }
}
