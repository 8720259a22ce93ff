import Logging

/// Writes a ``LogRecord`` as one JSON object per line, keys in the same order as logfmt.
///
/// Nested metadata (arrays, dictionaries) stays nested; everything else is a JSON string.
enum JSONLineFormatter {
    static func format(_ record: LogRecord) -> String {
        var line = "{\"ts\":"
        line += string(record.timestamp)
        line += ",\"level\":"
        line += string(record.level.rawValue)
        for field in record.context { append(field, to: &line) }
        line += ",\"msg\":"
        line += string(record.message)
        for field in record.details { append(field, to: &line) }
        line += "}\n"
        return line
    }

    private static func append(_ field: LogRecord.Field, to line: inout String) {
        line += ","
        line += string(field.key)
        line += ":"
        line += value(field.value)
    }

    static func value(_ value: Logger.MetadataValue) -> String {
        switch value {
        case .string(let text): string(text)
        case .stringConvertible(let convertible): string(convertible.description)
        case .array(let items): "[" + items.map(Self.value).joined(separator: ",") + "]"
        case .dictionary(let entries):
            "{" + entries.sorted { $0.key < $1.key }.map { string($0.key) + ":" + Self.value($0.value) }
                .joined(separator: ",") + "}"
        }
    }

    static func string(_ text: String) -> String {
        if TextScan.isEscapeFree(text) { return "\"" + text + "\"" }
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where LogfmtFormatter.isControl(scalar): out += MetadataText.unicodeEscape(scalar)
            default: out.unicodeScalars.append(scalar)
            }
        }
        out += "\""
        return out
    }
}
