import Foundation
import CapstanCore
import Git

/// One source's fetched and packed state: what `pack` prints and what a `revision.<source>` event carries.
public struct FetchedRevision: Sendable, Equatable, Codable {
    public let source: String
    public let revision: Revision
    public let digest: Digest
    public let size: Int
    /// Where the artifact lives on disk.
    public let path: String
    public let files: Int
    public let commit: CommitInfo
    public let warnings: [String]

    /// Pretty JSON with sorted keys, as `capstan-fetcher pack` prints it.
    public func json() -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return (try? String(decoding: encoder.encode(self), as: UTF8.self)) ?? "{}"
    }
}
