/// One line of a `.gitignore`-syntax file, compiled: negation, directory-only, anchoring and glob parts.
struct IgnorePattern: Sendable {
    let negated: Bool
    let directoryOnly: Bool
    /// Matched against the whole path when true; against the last path component otherwise.
    let anchored: Bool
    /// Path components of the glob; `**` stands for any number of components.
    let parts: [[UInt8]]

    /// Compiles one line; nil for blank lines and comments.
    init?(line: Substring) {
        var text = Array(line.utf8)
        while let last = text.last, last == 0x20 || last == 0x0d, !(text.count >= 2 && text[text.count - 2] == 0x5c) { text.removeLast() }
        guard let first = text.first, first != 0x23 else { return nil }
        negated = first == 0x21
        if negated { text.removeFirst() } else if first == 0x5c, text.count > 1, [0x23, 0x21].contains(text[1]) { text.removeFirst() }
        directoryOnly = text.last == 0x2f
        while text.last == 0x2f { text.removeLast() }
        guard !text.isEmpty else { return nil }
        anchored = text.dropLast().contains(0x2f) || text.first == 0x2f
        parts = text.split(separator: 0x2f).map(Array.init)
        guard !parts.isEmpty else { return nil }
    }

    /// True when the pattern matches `path` (its components); `isDirectory` for directory-only patterns.
    func matches(_ path: [[UInt8]], isDirectory: Bool) -> Bool {
        if directoryOnly && !isDirectory { return false }
        guard anchored else { return path.last.map { Glob.matches(parts[0], $0) } ?? false }
        return Glob.matchesComponents(parts[...], path[...])
    }
}

/// Glob matching over bytes: `*` and `?` never cross `/`, `[...]` classes with `!`/`^` and ranges, `**` components.
enum Glob {
    static func matchesComponents(_ pattern: ArraySlice<[UInt8]>, _ path: ArraySlice<[UInt8]>) -> Bool {
        guard let head = pattern.first else { return path.isEmpty }
        if head == [0x2a, 0x2a] {
            let rest = pattern.dropFirst()
            if rest.isEmpty { return true }
            return (path.startIndex...path.endIndex).contains { matchesComponents(rest, path[$0...]) }
        }
        guard let component = path.first, matches(head, component) else { return false }
        return matchesComponents(pattern.dropFirst(), path.dropFirst())
    }

    /// Matches one component with `*`, `?`, `[...]` and `\` escapes (iterative, with star backtracking).
    static func matches(_ pattern: [UInt8], _ text: [UInt8]) -> Bool {
        var p = 0, t = 0
        var star: (p: Int, t: Int)?
        while t < text.count {
            if p < pattern.count, pattern[p] == 0x2a {
                while p < pattern.count, pattern[p] == 0x2a { p += 1 }
                star = (p, t)
                continue
            }
            if p < pattern.count, let next = single(pattern, p, text[t]) {
                p = next
                t += 1
                continue
            }
            guard let saved = star else { return false }
            star = (saved.p, saved.t + 1)
            p = saved.p
            t = saved.t + 1
        }
        while p < pattern.count, pattern[p] == 0x2a { p += 1 }
        return p == pattern.count
    }

    /// The pattern index after matching one character, or nil.
    private static func single(_ pattern: [UInt8], _ p: Int, _ char: UInt8) -> Int? {
        switch pattern[p] {
        case 0x3f: return p + 1
        case 0x5c where p + 1 < pattern.count: return pattern[p + 1] == char ? p + 2 : nil
        case 0x5b: return bracket(pattern, p, char)
        default: return pattern[p] == char ? p + 1 : nil
        }
    }

    private static func bracket(_ pattern: [UInt8], _ start: Int, _ char: UInt8) -> Int? {
        var i = start + 1
        let negate = i < pattern.count && (pattern[i] == 0x21 || pattern[i] == 0x5e)
        if negate { i += 1 }
        var matched = false
        var first = true
        while i < pattern.count, pattern[i] != 0x5d || first {
            first = false
            if i + 2 < pattern.count, pattern[i + 1] == 0x2d, pattern[i + 2] != 0x5d {
                if (pattern[i]...pattern[i + 2]).contains(char) { matched = true }
                i += 3
            } else {
                if pattern[i] == char { matched = true }
                i += 1
            }
        }
        guard i < pattern.count else { return pattern[start] == char ? start + 1 : nil }
        return matched != negate ? i + 1 : nil
    }
}
