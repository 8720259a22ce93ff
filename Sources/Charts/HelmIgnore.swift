/// `.helmignore` as Helm's loader applies it to chart directories: one pattern a line (`#`
/// comments), Go `filepath.Match` globs against the file's base name, or against the path when
/// the pattern holds a `/` (a leading `/` anchors it at the chart root); a trailing `/` matches
/// directories only; `!` re-includes. Helm's default rule `templates/.?*` always applies.
struct HelmIgnore {
    struct Rule {
        let pattern: String
        let negate: Bool
        let directoryOnly: Bool
        let anchored: Bool
        /// `pattern` as UTF-8, for the matcher.
        let bytes: ArraySlice<UInt8>

        init(pattern: String, negate: Bool, directoryOnly: Bool, anchored: Bool) {
            self.pattern = pattern
            self.negate = negate
            self.directoryOnly = directoryOnly
            self.anchored = anchored
            bytes = Array(pattern.utf8)[...]
        }
    }

    let rules: [Rule]

    init(_ text: String) {
        var rules = [Rule(pattern: "templates/.?*", negate: false, directoryOnly: false, anchored: true)]
        for raw in text.split(whereSeparator: \.isNewline) {
            var line = String(raw.trimmingWhitespace())
            guard !line.isEmpty, !line.hasPrefix("#") else { continue }
            let negate = line.hasPrefix("!")
            if negate { line.removeFirst() }
            let directoryOnly = line.hasSuffix("/")
            while line.hasSuffix("/") { line.removeLast() }
            let anchored = line.contains("/")
            while line.hasPrefix("/") { line.removeFirst() }
            guard !line.isEmpty else { continue }
            rules.append(Rule(pattern: line, negate: negate, directoryOnly: directoryOnly, anchored: anchored))
        }
        self.rules = rules
    }

    /// Whether the file at `path` (relative to the chart root) is left out of the chart.
    func ignores(_ path: String) -> Bool {
        let parts = path.split(separator: "/").map { Array($0.utf8) }
        // The path up to each depth: `a`, `a/b`, `a/b/c`.
        var prefixes: [[UInt8]] = []
        for part in parts { prefixes.append(prefixes.isEmpty ? part : prefixes[prefixes.count - 1] + [UInt8(ascii: "/")] + part) }
        var ignored = false
        for rule in rules {
            // A file is ignored when it, or one of its folders, matches.
            for depth in 1...max(parts.count, 1) where depth <= parts.count {
                let isDirectory = depth < parts.count
                if rule.directoryOnly && !isDirectory { continue }
                let subject = rule.anchored ? prefixes[depth - 1] : parts[depth - 1]
                if ShowOnly.match(rule.bytes, subject[...]) {
                    ignored = !rule.negate
                    break
                }
            }
        }
        return ignored
    }
}
