import Logging

/// One log event after redaction, with its fields in print order, ready for either format.
struct LogRecord {
    typealias Field = (key: String, value: Logger.MetadataValue)

    var timestamp: String
    var level: Logger.Level
    var message: String
    /// `stage` and the other context keys: printed before `msg`.
    var context: [Field]
    /// Detail keys in ``LogKey`` order, then every other key sorted: printed after `msg`.
    var details: [Field]

    init(timestamp: String, level: Logger.Level, stage: String, message: String, metadata: Logger.Metadata) {
        self.timestamp = timestamp
        self.level = level
        self.message = message
        var metadata = metadata
        metadata[LogKey.stage.rawValue] = .string(stage)
        let ordered = metadata.sorted(by: Self.printsBefore)
        context = ordered.filter { LogKey(rawValue: $0.key)?.isContext == true }.map { ($0.key, $0.value) }
        details = ordered.filter { LogKey(rawValue: $0.key)?.isContext != true }.map { ($0.key, $0.value) }
    }

    /// Capstan's keys in ``LogKey`` order first, then the rest by name.
    private static func printsBefore(
        _ left: (key: String, value: Logger.MetadataValue),
        _ right: (key: String, value: Logger.MetadataValue)
    ) -> Bool {
        switch (LogKey.rank[left.key], LogKey.rank[right.key]) {
        case let (l?, r?): l < r
        case (.some, nil): true
        case (nil, .some): false
        case (nil, nil): left.key < right.key
        }
    }
}
