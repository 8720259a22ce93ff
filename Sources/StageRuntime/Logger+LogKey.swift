import Logging

extension Logger {
    /// Reads or sets one of Capstan's metadata keys on this logger.
    public subscript(key: LogKey) -> Logger.MetadataValue? {
        get { self[metadataKey: key.rawValue] }
        set { self[metadataKey: key.rawValue] = newValue }
    }

    /// A copy of this logger carrying `value` under `key` on every line.
    public func with(_ key: LogKey, _ value: some CustomStringConvertible) -> Logger {
        var copy = self
        copy[key] = .string(value.description)
        return copy
    }
}

extension Dictionary where Key == String, Value == Logger.MetadataValue {
    /// Metadata built from Capstan's keys: `.keyed([.source: "platform", .app: "web"])`.
    public static func keyed(_ pairs: KeyValuePairs<LogKey, Logger.MetadataValue>) -> Logger.Metadata {
        var metadata: Logger.Metadata = [:]
        for (key, value) in pairs { metadata[key.rawValue] = value }
        return metadata
    }

    /// Reads or sets one of Capstan's metadata keys.
    public subscript(key: LogKey) -> Logger.MetadataValue? {
        get { self[key.rawValue] }
        set { self[key.rawValue] = newValue }
    }
}
