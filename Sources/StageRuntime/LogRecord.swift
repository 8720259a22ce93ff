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
        context = [(LogKey.stage.rawValue, .string(stage))]
        details = []
        for key in LogKey.allCases where key != .stage {
            guard let value = metadata[key.rawValue] else { continue }
            if key.isContext { context.append((key.rawValue, value)) } else { details.append((key.rawValue, value)) }
        }
        let others = metadata.filter { LogKey.rank[$0.key] == nil }.sorted { $0.key < $1.key }
        details += others.map { ($0.key, $0.value) }
    }
}
