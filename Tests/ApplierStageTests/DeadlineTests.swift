@testable import ApplierStage
import Testing

/// `Deadline.run`: a wait on another process ends at its limit even when the awaited reply never comes.
@Suite struct DeadlineTests {
    @Test func aReplyThatNeverComesEndsAtTheLimit() async throws {
        let started = ContinuousClock.now
        await #expect(throws: DeadlineExceeded.self) {
            // A continuation nobody resumes and that ignores cancellation: a request whose reply is lost.
            try await Deadline.run("GET bundle", within: .milliseconds(200)) { await Self.forever() }
        }
        #expect(ContinuousClock.now - started < .seconds(5))
    }

    @Test func aTimelyResultOrErrorIsPassedThrough() async throws {
        #expect(try await Deadline.run("quick", within: .seconds(5)) { 42 } == 42)
        await #expect(throws: Refusal.self) {
            try await Deadline.run("refused", within: .seconds(5)) { () async throws -> Int in throw Refusal() }
        }
    }

    struct Refusal: Error {}

    /// Never returns (the continuation leaks, as a lost reply's would).
    static func forever() async -> Int {
        await withCheckedContinuation { (_: CheckedContinuation<Int, Never>) in }
    }
}
