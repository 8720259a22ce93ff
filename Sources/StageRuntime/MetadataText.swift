import Logging

/// Turns metadata values into the flat text logfmt prints.
enum MetadataText {
    /// Strings print as they are; arrays and dictionaries print as compact JSON.
    static func flatten(_ value: Logger.MetadataValue) -> String {
        switch value {
        case .string(let text): text
        case .stringConvertible(let convertible): convertible.description
        case .array, .dictionary: JSONLineFormatter.value(value)
        }
    }

    /// `\u00XX` (or `\uXXXX`), the escape JSON and logfmt both read.
    static func unicodeEscape(_ scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16, uppercase: false)
        return "\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }
}
