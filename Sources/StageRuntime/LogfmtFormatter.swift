import Logging

/// Writes a ``LogRecord`` as one logfmt line: `ts=… level=info stage=fetcher source=platform msg="…"`.
///
/// Values are quoted only when they must be (empty, or holding a space, `=`, `"` or a control
/// character); `msg` is always quoted so free text reads the same on every line.
enum LogfmtFormatter {
    static func format(_ record: LogRecord) -> String {
        var line = "ts=\(record.timestamp) level=\(record.level.rawValue)"
        for field in record.context { append(field, to: &line) }
        line += " msg="
        line += quoted(record.message)
        for field in record.details { append(field, to: &line) }
        line += "\n"
        return line
    }

    private static func append(_ field: LogRecord.Field, to line: inout String) {
        line += " "
        line += key(field.key)
        line += "="
        line += value(MetadataText.flatten(field.value))
    }

    /// Keys can't hold separators; odd characters become `_` so the line still parses.
    static func key(_ key: String) -> String {
        if key.isEmpty { return "_" }
        if TextScan.isBare(key) { return key }
        guard key.unicodeScalars.contains(where: { needsQuoting($0) }) else { return key }
        return String(String.UnicodeScalarView(key.unicodeScalars.map { needsQuoting($0) ? "_" : $0 }))
    }

    static func value(_ text: String) -> String {
        if !text.isEmpty && TextScan.isBare(text) { return text }
        if text.isEmpty || text.unicodeScalars.contains(where: { needsQuoting($0) }) {
            return quoted(text)
        }
        return text
    }

    private static func needsQuoting(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value <= 0x20 || scalar == "=" || scalar == "\"" || isControl(scalar)
    }

    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) || scalar == "\u{2028}" || scalar == "\u{2029}"
    }

    static func quoted(_ text: String) -> String {
        if TextScan.isEscapeFree(text) { return "\"" + text + "\"" }
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where isControl(scalar): out += MetadataText.unicodeEscape(scalar)
            default: out.unicodeScalars.append(scalar)
            }
        }
        out += "\""
        return out
    }
}
