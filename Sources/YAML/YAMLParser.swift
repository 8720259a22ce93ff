/// Reads YAML text into `YAMLDocument`s through libyaml's event parser.
///
/// Parsing is synchronous and CPU-bound: call it from wherever suits (a task, a thread).
/// Each call owns its own libyaml parser, so concurrent calls are independent.
public enum YAMLParser {
    /// Parses every document of a YAML stream (UTF-8, or UTF-16 with a byte-order mark).
    ///
    /// `file` only names the input in errors. Throws on bad syntax, a duplicate mapping key,
    /// an alias to an unknown anchor, or a text that passes one of `limits`.
    public static func parse(_ bytes: [UInt8], file: String, limits: YAMLLimits = .default) throws(YAMLError)
        -> [YAMLDocument]
    {
        if bytes.isEmpty { return [] }
        return try bytes.withUnsafeBufferPointer { (input) throws(YAMLError) -> [YAMLDocument] in
            let handle = try YAMLParserHandle(input: input, file: file)
            var builder = YAMLParserTreeBuilder(file: file, limits: limits, input: input)
            while try builder.consume(handle.next()) {}
            return builder.documents
        }
    }

    /// Parses every document of a YAML stream held in a string.
    public static func parse(_ text: String, file: String, limits: YAMLLimits = .default) throws(YAMLError)
        -> [YAMLDocument]
    {
        try parse(Array(text.utf8), file: file, limits: limits)
    }
}
