/// One libyaml parse event, already turned into Swift values.
struct YAMLParserEvent {
    enum Kind {
        case streamStart(utf16: Bool)
        case streamEnd
        case documentStart
        case documentEnd
        case alias(anchor: String)
        case scalar(YAMLScalar, anchor: String?)
        case sequenceStart(tag: String?, anchor: String?)
        case sequenceEnd
        case mappingStart(tag: String?, anchor: String?)
        case mappingEnd
    }

    var kind: Kind
    /// Where the event starts (1-based).
    var mark: YAMLMark
    /// Character offsets of the event's start and end in the input, as libyaml counts them.
    var startIndex: Int
    var endIndex: Int
}
