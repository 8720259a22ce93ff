/// The scalar styles go-yaml can write.
enum ScalarStyle {
    case plain, singleQuoted, doubleQuoted, literal
}

/// Which styles a scalar's text allows, as go-yaml's `yaml_emitter_analyze_scalar` decides it.
struct ScalarAnalysis {
    var multiline = false
    var flowPlainAllowed = true
    var blockPlainAllowed = true
    var singleQuotedAllowed = true
    var blockAllowed = true

    /// `tabsForbidPlain` is yaml.v3's extra rule: a tab rules out plain and single-quoted styles.
    init(_ value: [UInt8], tabsForbidPlain: Bool = false) {
        if value.isEmpty {
            flowPlainAllowed = false
            blockAllowed = false
            return
        }
        var blockIndicators = false
        var flowIndicators = false
        var lineBreaks = false
        var specialCharacters = false
        var tabCharacters = false
        var leadingSpace = false, leadingBreak = false, trailingSpace = false, trailingBreak = false
        var breakSpace = false, spaceBreak = false
        var precededByWhitespace = true
        var previousSpace = false, previousBreak = false

        if value.count >= 3,
            (value[0] == UInt8(ascii: "-") && value[1] == UInt8(ascii: "-") && value[2] == UInt8(ascii: "-"))
                || (value[0] == UInt8(ascii: ".") && value[1] == UInt8(ascii: ".") && value[2] == UInt8(ascii: "."))
        {
            blockIndicators = true
            flowIndicators = true
        }
        var index = 0
        while index < value.count {
            let width = max(1, ScalarBytes.width(value[index]))
            let followedByWhitespace = index + width >= value.count || ScalarBytes.isBlank(value, index + width)
            let byte = value[index]
            if index == 0 {
                switch byte {
                case UInt8(ascii: "#"), UInt8(ascii: ","), UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "{"),
                    UInt8(ascii: "}"), UInt8(ascii: "&"), UInt8(ascii: "*"), UInt8(ascii: "!"), UInt8(ascii: "|"),
                    UInt8(ascii: ">"), UInt8(ascii: "'"), UInt8(ascii: "\""), UInt8(ascii: "%"), UInt8(ascii: "@"),
                    UInt8(ascii: "`"):
                    flowIndicators = true
                    blockIndicators = true
                case UInt8(ascii: "?"), UInt8(ascii: ":"):
                    flowIndicators = true
                    if followedByWhitespace { blockIndicators = true }
                case UInt8(ascii: "-"):
                    if followedByWhitespace {
                        flowIndicators = true
                        blockIndicators = true
                    }
                default: break
                }
            } else {
                switch byte {
                case UInt8(ascii: ","), UInt8(ascii: "?"), UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "{"),
                    UInt8(ascii: "}"):
                    flowIndicators = true
                case UInt8(ascii: ":"):
                    flowIndicators = true
                    if followedByWhitespace { blockIndicators = true }
                case UInt8(ascii: "#"):
                    if precededByWhitespace {
                        flowIndicators = true
                        blockIndicators = true
                    }
                default: break
                }
            }
            if tabsForbidPlain && byte == 0x09 {
                tabCharacters = true
            } else if !ScalarBytes.isPrintable(value, index) {
                specialCharacters = true
            }
            if byte == 0x20 {
                if index == 0 { leadingSpace = true }
                if index + width == value.count { trailingSpace = true }
                if previousBreak { breakSpace = true }
                previousSpace = true
                previousBreak = false
            } else if ScalarBytes.isBreak(value, index) {
                lineBreaks = true
                if index == 0 { leadingBreak = true }
                if index + width == value.count { trailingBreak = true }
                if previousSpace { spaceBreak = true }
                previousSpace = false
                previousBreak = true
            } else {
                previousSpace = false
                previousBreak = false
            }
            precededByWhitespace = ScalarBytes.isBlankOrEnd(value, index)
            index += width
        }

        multiline = lineBreaks
        if leadingSpace || leadingBreak || trailingSpace || trailingBreak {
            flowPlainAllowed = false
            blockPlainAllowed = false
        }
        if trailingSpace { blockAllowed = false }
        if breakSpace {
            flowPlainAllowed = false
            blockPlainAllowed = false
            singleQuotedAllowed = false
        }
        if spaceBreak || tabCharacters || specialCharacters {
            flowPlainAllowed = false
            blockPlainAllowed = false
            singleQuotedAllowed = false
        }
        if spaceBreak || specialCharacters { blockAllowed = false }
        if lineBreaks {
            flowPlainAllowed = false
            blockPlainAllowed = false
        }
        if flowIndicators { flowPlainAllowed = false }
        if blockIndicators { blockPlainAllowed = false }
    }

    /// go-yaml's `yaml_emitter_select_scalar_style` for a block context and an untagged scalar.
    func select(_ requested: ScalarStyle, simpleKey: Bool, isEmpty: Bool) -> ScalarStyle {
        var style = requested
        if simpleKey && multiline { style = .doubleQuoted }
        if style == .plain {
            if !blockPlainAllowed || (isEmpty && simpleKey) { style = .singleQuoted }
        }
        if style == .singleQuoted && !singleQuotedAllowed { style = .doubleQuoted }
        if style == .literal && (!blockAllowed || simpleKey) { style = .doubleQuoted }
        return style
    }
}
