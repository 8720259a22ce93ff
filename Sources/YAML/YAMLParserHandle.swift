import CYAML

/// Owns one libyaml parser and turns its events into `YAMLParserEvent`s.
///
/// Not Sendable: libyaml keeps mutable state, so one parse runs on one thread from start to end.
/// The input buffer must outlive the handle (libyaml reads it in place, without a copy).
final class YAMLParserHandle {
    let parser: UnsafeMutablePointer<yaml_parser_t>
    private let event: UnsafeMutablePointer<yaml_event_t>
    let input: UnsafeBufferPointer<UInt8>
    let file: String

    init(input: UnsafeBufferPointer<UInt8>, file: String) throws(YAMLError) {
        self.input = input
        self.file = file
        parser = .allocate(capacity: 1)
        event = .allocate(capacity: 1)
        guard yaml_parser_initialize(parser) != 0 else {
            parser.deallocate()
            event.deallocate()
            throw YAMLError(file: file, line: 1, column: 1, reason: "libyaml could not allocate a parser")
        }
        yaml_parser_set_input_string(parser, input.baseAddress, input.count)
    }

    deinit {
        yaml_parser_delete(parser)
        parser.deallocate()
        event.deallocate()
    }

    /// The next event of the stream; after `.streamEnd` libyaml returns nothing more.
    func next() throws(YAMLError) -> YAMLParserEvent {
        guard yaml_parser_parse(parser, event) != 0 else { throw failure() }
        defer { yaml_event_delete(event) }
        let start = event.pointee.start_mark
        return YAMLParserEvent(
            kind: kind(of: event.pointee, at: Self.mark(start)),
            mark: Self.mark(start),
            startIndex: start.index,
            endIndex: event.pointee.end_mark.index
        )
    }

    private func kind(of event: yaml_event_t, at mark: YAMLMark) -> YAMLParserEvent.Kind {
        switch event.type {
        case YAML_STREAM_START_EVENT:
            let encoding = event.data.stream_start.encoding
            return .streamStart(utf16: encoding == YAML_UTF16LE_ENCODING || encoding == YAML_UTF16BE_ENCODING)
        case YAML_DOCUMENT_START_EVENT: return .documentStart
        case YAML_DOCUMENT_END_EVENT: return .documentEnd
        case YAML_ALIAS_EVENT: return .alias(anchor: Self.string(event.data.alias.anchor) ?? "")
        case YAML_SCALAR_EVENT: return scalar(of: event, at: mark)
        case YAML_SEQUENCE_START_EVENT:
            let data = event.data.sequence_start
            return .sequenceStart(tag: Self.string(data.tag), anchor: Self.string(data.anchor))
        case YAML_SEQUENCE_END_EVENT: return .sequenceEnd
        case YAML_MAPPING_START_EVENT:
            let data = event.data.mapping_start
            return .mappingStart(tag: Self.string(data.tag), anchor: Self.string(data.anchor))
        case YAML_MAPPING_END_EVENT: return .mappingEnd
        default: return .streamEnd
        }
    }

    private func scalar(of event: yaml_event_t, at mark: YAMLMark) -> YAMLParserEvent.Kind {
        let data = event.data.scalar
        // libyaml hands out validated UTF-8 (it transcodes UTF-16 input), so decoding the
        // buffer straight into a String is safe and avoids any per-character work.
        let value = String(decoding: UnsafeBufferPointer(start: data.value, count: data.length), as: UTF8.self)
        let scalar = YAMLScalar(value: value, style: Self.style(data.style), tag: Self.string(data.tag), mark: mark)
        return .scalar(scalar, anchor: Self.string(data.anchor))
    }

    private static func style(_ style: yaml_scalar_style_t) -> YAMLScalarStyle {
        switch style {
        case YAML_SINGLE_QUOTED_SCALAR_STYLE: .singleQuoted
        case YAML_DOUBLE_QUOTED_SCALAR_STYLE: .doubleQuoted
        case YAML_LITERAL_SCALAR_STYLE: .literal
        case YAML_FOLDED_SCALAR_STYLE: .folded
        default: .plain
        }
    }

    private static func string(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        guard let pointer else { return nil }
        return String(cString: pointer)
    }

    static func mark(_ mark: yaml_mark_t) -> YAMLMark {
        YAMLMark(line: mark.line + 1, column: mark.column + 1)
    }
}
