import Foundation

/// One source as STATUS reports it: ready or not, current revision, last fetch, last error, next fetch.
public struct SourceStatus: Sendable, Codable, Equatable {
    public var name: String
    public var ready = false
    public var revision: String?
    public var digest: String?
    public var lastFetch: Date?
    public var lastError: String?
    public var nextFetch: Date?
    /// Failures in a row; drives the backoff.
    public var failures = 0

    public init(name: String) { self.name = name }
}
