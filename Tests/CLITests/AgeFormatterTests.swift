import CLI
import CapstanCore
import Foundation
import Testing

@Suite struct AgeFormatterTests {
    let now = Date(timeIntervalSince1970: 1_800_000_000)

    static let ages: [(Double, String)] = [
        (0.2, "now"), (5, "5s ago"), (59.9, "59s ago"), (60, "1m ago"), (130, "2m10s ago"), (180, "3m ago"),
        (2400, "40m ago"), (3600, "1h ago"), (3900, "1h5m ago"), (7200 * 6, "12h ago"), (86_400 * 3, "3d ago"),
    ]

    @Test(arguments: ages)
    func agesReadLikeKubectl(secondsAgo: Double, text: String) {
        #expect(AgeFormatter.age(of: now.addingTimeInterval(-secondsAgo), now: now) == text)
    }

    @Test func futureTimesReadAsIn() {
        #expect(AgeFormatter.age(of: now.addingTimeInterval(45), now: now) == "in 45s")
        #expect(AgeFormatter.age(of: nil, now: now) == "-")
    }

    @Test func readsRFC3339AndEpochSeconds() {
        #expect(TimeValue.date(.string("2024-01-02T03:04:05.250Z"))?.timeIntervalSince1970 == 1_704_164_645.25)
        #expect(TimeValue.date(.string("2024-01-02T03:04:05Z"))?.timeIntervalSince1970 == 1_704_164_645)
        #expect(TimeValue.date(.double(1_704_164_645.5))?.timeIntervalSince1970 == 1_704_164_645.5)
        #expect(TimeValue.date(.null) == nil)
        #expect(TimeValue.date(.string("yesterday")) == nil)
    }

    @Test func shortNamesForRevisionsAndDigests() {
        #expect(ShortNames.revision("main@sha1:" + String(repeating: "a", count: 40)) == "main@aaaaaaa")
        #expect(ShortNames.revision("sha1:" + String(repeating: "b", count: 40)) == "bbbbbbb")
        #expect(ShortNames.revision(nil) == "-")
        #expect(ShortNames.digest("sha256:" + String(repeating: "f", count: 64)) == "sha256:ffffffffffff")
    }
}
