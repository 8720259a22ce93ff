/// The commit metadata a revision carries: who, when, and the subject line.
public struct CommitInfo: Sendable, Equatable, Codable {
    public let id: String
    public let author: String
    public let email: String
    /// Seconds since 1970, UTC.
    public let time: Int64
    /// Minutes east of UTC, as recorded in the commit.
    public let timeOffset: Int
    public let subject: String

    public init(id: String, author: String, email: String, time: Int64, timeOffset: Int, subject: String) {
        self.id = id
        self.author = author
        self.email = email
        self.time = time
        self.timeOffset = timeOffset
        self.subject = subject
    }
}
