/// The patterns of envsubst's `#`/`%` trims: `*` (any run, `/` included: Flux's fork of
/// `path.Match` trims `path/to/file` with `##*/` down to `file`), `?`, `[set]`/`[^set]` with
/// ranges, and `\` escapes.
struct GlobPattern {
    let pattern: [Character]

    init(_ pattern: String) { self.pattern = Array(pattern) }

    func matches(_ text: ArraySlice<Character>) -> Bool { match(pattern[...], Array(text)[...]) }

    private func match(_ pattern: ArraySlice<Character>, _ text: ArraySlice<Character>) -> Bool {
        guard let first = pattern.first else { return text.isEmpty }
        switch first {
        case "*":
            var rest = text
            while true {
                if match(pattern.dropFirst(), rest) { return true }
                guard !rest.isEmpty else { return false }
                rest = rest.dropFirst()
            }
        case "?":
            guard !text.isEmpty else { return false }
            return match(pattern.dropFirst(), text.dropFirst())
        case "[":
            guard let next = text.first, let (matched, rest) = set(pattern.dropFirst(), next), matched else { return false }
            return match(rest, text.dropFirst())
        case "\\" where pattern.count > 1:
            let literal = pattern[pattern.index(after: pattern.startIndex)]
            return text.first == literal && match(pattern.dropFirst(2), text.dropFirst())
        default:
            return text.first == first && match(pattern.dropFirst(), text.dropFirst())
        }
    }

    /// Whether `character` is in the set starting after `[`, and the pattern after `]`.
    private func set(_ body: ArraySlice<Character>, _ character: Character) -> (Bool, ArraySlice<Character>)? {
        var rest = body
        let negated = rest.first == "^"
        if negated { rest = rest.dropFirst() }
        var matched = false
        var first = true
        while let current = rest.first, current != "]" || first {
            first = false
            rest = rest.dropFirst()
            if rest.first == "-", rest.count > 1, let upper = rest.dropFirst().first, upper != "]" {
                if current <= character && character <= upper { matched = true }
                rest = rest.dropFirst(2)
            } else if current == character {
                matched = true
            }
        }
        guard rest.first == "]" else { return nil }
        return (matched != negated, rest.dropFirst())
    }
}
