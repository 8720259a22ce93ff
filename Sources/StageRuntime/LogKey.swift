import Logging

/// The metadata keys Capstan's log lines use, declared once so every stage spells them alike.
///
/// The case order is the order keys print in: the keys that say *who* a line is about
/// (``isContext``) come before `msg`, the details after it.
public enum LogKey: String, CaseIterable, Sendable {
    case stage
    case shard
    case source
    case app
    case revision
    case bundle
    case digest
    case object
    case trace
    case operation
    case outcome
    case peer
    case topic
    case url
    case path
    case attempt
    case count
    case error
    case duration

    /// Whether the key identifies what a line is about (printed before `msg`) rather than a detail.
    public var isContext: Bool {
        switch self {
        case .stage, .shard, .source, .app, .revision, .bundle, .digest, .object, .trace: true
        default: false
        }
    }

    /// Position of each key name in the printed order, for the formatter.
    static let rank: [String: Int] = Dictionary(
        uniqueKeysWithValues: allCases.enumerated().map { ($1.rawValue, $0) }
    )
}
