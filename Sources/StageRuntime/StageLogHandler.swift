import Logging

/// Capstan's swift-log handler: redacts, orders and writes one line per event, always with `stage=`.
public struct StageLogHandler: LogHandler {
    public var logLevel: Logger.Level
    public var metadata: Logger.Metadata = [:]
    public var metadataProvider: Logger.MetadataProvider?

    private let stage: String
    private let format: LogFormat
    private let sink: any LogSink
    private let clock: @Sendable () -> String

    /// - Parameter clock: the timestamp source; tests pin it, stages use the wall clock.
    public init(
        stage: String,
        format: LogFormat,
        level: Logger.Level,
        sink: any LogSink = FileDescriptorSink.standardOutput,
        metadataProvider: Logger.MetadataProvider? = nil,
        clock: (@Sendable () -> String)? = nil
    ) {
        self.stage = stage
        self.format = format
        self.logLevel = level
        self.sink = sink
        self.metadataProvider = metadataProvider
        self.clock = clock ?? { LogTimestamp.now() }
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        let record = LogRecord(
            timestamp: clock(),
            level: event.level,
            stage: stage,
            message: Redaction.redact(text: event.message.description),
            metadata: Redaction.redact(metadata: merged(event))
        )
        switch format {
        case .logfmt: sink.write(LogfmtFormatter.format(record))
        case .json: sink.write(JSONLineFormatter.format(record))
        }
    }

    /// Handler metadata, then the provider's, then the event's own; an attached error fills `error=`.
    private func merged(_ event: LogEvent) -> Logger.Metadata {
        var all = metadata
        if let provided = metadataProvider?.get() { all.merge(provided) { $1 } }
        if let own = event.metadata { all.merge(own) { $1 } }
        if let error = event.error, all[LogKey.error.rawValue] == nil {
            all[LogKey.error.rawValue] = .string(String(describing: error))
        }
        return all
    }
}
