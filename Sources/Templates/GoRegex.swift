import Foundation

/// A compiled Go regular expression on NSRegularExpression.
struct GoRegex: @unchecked Sendable {
    let regex: NSRegularExpression
    let names: [String]
    let groupCount: Int

    init(_ pattern: String) throws {
        let (translated, names) = GoRegex.translate(pattern)
        regex = try NSRegularExpression(pattern: translated, options: [])
        self.names = names
        groupCount = regex.numberOfCaptureGroups
    }

    /// RE2 → ICU: named groups `(?P<n>` and `$` meaning end of text outside multi-line mode.
    static func translate(_ pattern: String) -> (String, [String]) {
        var out = ""
        var names: [String] = []
        let chars = Array(pattern)
        let multiline = pattern.contains("(?m") || pattern.contains("(?sm") || pattern.contains("(?im")
        var i = 0
        var inClass = false
        while i < chars.count {
            let c = chars[i]
            if c == "\\" && i + 1 < chars.count {
                out.append(c)
                out.append(chars[i + 1])
                i += 2
                continue
            }
            if inClass {
                if c == "]" { inClass = false }
                out.append(c)
                i += 1
                continue
            }
            if c == "[" {
                inClass = true
                out.append(c)
                i += 1
                if i < chars.count && chars[i] == "^" { out.append("^"); i += 1 }
                if i < chars.count && chars[i] == "]" { out += "\\]"; i += 1 }
                continue
            }
            if c == "(" && i + 2 < chars.count && chars[i + 1] == "?" && chars[i + 2] == "P" {
                out += "(?"
                i += 3
                var name = ""
                var j = i + 1
                while j < chars.count && chars[j] != ">" { name.append(chars[j]); j += 1 }
                names.append(name)
                continue
            }
            if c == "(" && !(i + 1 < chars.count && chars[i + 1] == "?") { names.append("") }
            if c == "$" && !multiline {
                out += "\\z"
                i += 1
                continue
            }
            out.append(c)
            i += 1
        }
        return (out, names)
    }

    func substring(_ text: String, _ range: NSRange) -> String {
        guard range.location != NSNotFound else { return "" }
        return (text as NSString).substring(with: range)
    }

    func firstMatch(in text: String) -> NSTextCheckingResult? {
        regex.firstMatch(in: text, options: [], range: NSRange(location: 0, length: (text as NSString).length))
    }

    /// Go's allMatches: non-overlapping, skipping an empty match right after the previous match.
    func matches(in text: String, limit: Int) -> [NSTextCheckingResult] {
        let all = regex.matches(in: text, options: [], range: NSRange(location: 0, length: (text as NSString).length))
        var out: [NSTextCheckingResult] = []
        var previousEnd = -1
        for match in all {
            if limit >= 0 && out.count >= limit { break }
            if match.range.length == 0 && match.range.location == previousEnd { continue }
            out.append(match)
            previousEnd = match.range.location + match.range.length
        }
        return out
    }

    func replaceAll(_ text: String, template: String, literal: Bool) -> String {
        let ns = text as NSString
        var out = ""
        var last = 0
        for match in matches(in: text, limit: -1) {
            out += ns.substring(with: NSRange(location: last, length: match.range.location - last))
            out += literal ? template : expand(template, match, text)
            last = match.range.location + match.range.length
        }
        out += ns.substring(from: last)
        return out
    }

    /// Go's Regexp.Expand: `$1`, `${1}`, `$name`, `${name}`, `$$`.
    func expand(_ template: String, _ match: NSTextCheckingResult, _ text: String) -> String {
        var out = ""
        let chars = Array(template.unicodeScalars)
        var i = 0
        func isNameChar(_ r: Unicode.Scalar) -> Bool {
            r == "_" || r.properties.isAlphabetic || (r.value >= 0x30 && r.value <= 0x39)
        }
        while i < chars.count {
            guard chars[i] == "$", i + 1 < chars.count else {
                out.unicodeScalars.append(chars[i])
                i += 1
                continue
            }
            if chars[i + 1] == "$" {
                out += "$"
                i += 2
                continue
            }
            var name = ""
            var j = i + 1
            if chars[j] == "{" {
                j += 1
                while j < chars.count && isNameChar(chars[j]) { name.unicodeScalars.append(chars[j]); j += 1 }
                guard j < chars.count, chars[j] == "}", !name.isEmpty else {
                    out += "$"
                    i += 1
                    continue
                }
                j += 1
            } else {
                while j < chars.count && isNameChar(chars[j]) { name.unicodeScalars.append(chars[j]); j += 1 }
                if name.isEmpty {
                    out += "$"
                    i += 1
                    continue
                }
            }
            i = j
            var group = -1
            if let n = Int(name) {
                group = n
            } else if let index = names.firstIndex(of: name), !name.isEmpty {
                group = index + 1
            }
            if group >= 0 && group <= groupCount { out += substring(text, match.range(at: group)) }
        }
        return out
    }

    func split(_ text: String, _ n: Int) -> [String] {
        if n == 0 { return [] }
        let ns = text as NSString
        if ns.length == 0 { return [""] }
        var parts: [String] = []
        var begin = 0, end = 0
        for match in matches(in: text, limit: n) {
            if n > 0 && parts.count == n - 1 { break }
            end = match.range.location
            if match.range.location + match.range.length != 0 {
                parts.append(ns.substring(with: NSRange(location: begin, length: end - begin)))
            }
            begin = match.range.location + match.range.length
        }
        if end != ns.length { parts.append(ns.substring(from: begin)) }
        return parts
    }
}
