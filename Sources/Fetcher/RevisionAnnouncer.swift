/// Where the scheduler announces a source's revision: the Messaging publisher in the daemon
/// (`revision.<source>`), a recorder in tests.
public protocol RevisionAnnouncer: Sendable {
    func announce(_ revision: FetchedRevision) async
}
