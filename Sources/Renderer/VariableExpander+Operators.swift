/// The bash string operators Flux's envsubst applies to a set variable: length, case,
/// substring, replace and glob-trimmed prefixes/suffixes.
extension VariableExpander {
    /// Applies the operator text (everything between the name and the closing brace) to `value`;
    /// nil when the operator is not one Flux knows.
    static func apply(_ operation: String, to value: String) -> String? {
        switch operation {
        case "^": return value.prefix(1).uppercased() + value.dropFirst()
        case "^^": return value.uppercased()
        case ",": return value.prefix(1).lowercased() + value.dropFirst()
        case ",,": return value.lowercased()
        default: break
        }
        if operation.hasPrefix("/") { return replace(String(operation.dropFirst()), in: value) }
        for (marker, longest) in [("##", true), ("#", false)] where operation.hasPrefix(marker) {
            return trimPrefix(value, pattern: String(operation.dropFirst(marker.count)), longest: longest)
        }
        for (marker, longest) in [("%%", true), ("%", false)] where operation.hasPrefix(marker) {
            return trimSuffix(value, pattern: String(operation.dropFirst(marker.count)), longest: longest)
        }
        if operation.hasPrefix(":") { return substring(value, String(operation.dropFirst())) }
        return nil
    }

    /// Whether Flux's parser accepts the operator text at all.
    static func isKnown(_ operation: String) -> Bool {
        !operation.hasPrefix(":?") && !operation.hasPrefix(":+") && apply(operation, to: "") != nil
    }

    /// `${VAR/pat/rep}`, `${VAR//pat/rep}`, `${VAR/#pat/rep}`, `${VAR/%pat/rep}`: literal patterns, `\/` escapes a slash.
    private static func replace(_ spec: String, in value: String) -> String {
        var mode: Character = "1"
        var rest = Substring(spec)
        if let first = rest.first, "/#%".contains(first) {
            mode = first
            rest = rest.dropFirst()
        }
        let (pattern, replacement) = splitUnescaped(rest)
        switch mode {
        case "/": return pattern.isEmpty ? value : value.replacingAll(pattern, with: replacement)
        case "#": return value.hasPrefix(pattern) ? replacement + value.dropFirst(pattern.count) : value
        case "%": return value.hasSuffix(pattern) ? value.dropLast(pattern.count) + replacement : value
        default:
            guard !pattern.isEmpty, let range = value.range(of: pattern) else { return value }
            return value.replacingCharacters(in: range, with: replacement)
        }
    }

    private static func splitUnescaped(_ text: Substring) -> (String, String) {
        var pattern = "", index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            if character == "\\", text.index(after: index) < text.endIndex, "/\\".contains(text[text.index(after: index)]) {
                pattern.append(text[text.index(after: index)])
                index = text.index(index, offsetBy: 2)
                continue
            }
            if character == "/" { return (pattern, String(text[text.index(after: index)...])) }
            pattern.append(character)
            index = text.index(after: index)
        }
        return (pattern, "")
    }

    /// `${VAR:offset}` and `${VAR:offset:length}` with bash's negative offsets and lengths.
    private static func substring(_ value: String, _ spec: String) -> String {
        let parts = spec.split(separator: ":", omittingEmptySubsequences: false)
        let characters = Array(value)
        guard var position = Int(parts[0].trimmingLeadingSpaces) else { return value }
        if position < 0 { position = max(0, characters.count + position) }
        guard position < characters.count else { return "" }
        guard parts.count > 1 else { return String(characters[position...]) }
        guard let length = Int(parts[1]) else { return value }
        let end = length < 0 ? characters.count + length : min(characters.count, position + length)
        return end < position ? "" : String(characters[position..<end])
    }

    private static func trimPrefix(_ value: String, pattern: String, longest: Bool) -> String {
        let characters = Array(value)
        let lengths = longest ? Array((0...characters.count).reversed()) : Array(0...characters.count)
        for length in lengths where length > 0 && GlobPattern(pattern).matches(characters[0..<length]) {
            return String(characters[length...])
        }
        return value
    }

    private static func trimSuffix(_ value: String, pattern: String, longest: Bool) -> String {
        let characters = Array(value)
        let starts = longest ? Array(0...characters.count) : Array((0...characters.count).reversed())
        for start in starts where start < characters.count && GlobPattern(pattern).matches(characters[start...]) {
            return String(characters[..<start])
        }
        return value
    }
}

extension Substring {
    fileprivate var trimmingLeadingSpaces: Substring { drop { $0 == " " } }
}

extension String {
    fileprivate func replacingAll(_ target: String, with replacement: String) -> String {
        var result = "", rest = Substring(self)
        while let range = rest.range(of: target) {
            result += rest[..<range.lowerBound] + replacement
            rest = rest[range.upperBound...]
        }
        return result + rest
    }

    fileprivate func range(of target: String) -> Range<String.Index>? { Substring(self).range(of: target) }
}

extension Substring {
    fileprivate func range(of target: String) -> Range<String.Index>? {
        guard !target.isEmpty else { return nil }
        var index = startIndex
        while index < endIndex {
            if self[index...].hasPrefix(target) { return index..<self.index(index, offsetBy: target.count) }
            index = self.index(after: index)
        }
        return nil
    }
}
