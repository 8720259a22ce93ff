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
        let parts = path.split(separator: "/").map(String.init)
        var ignored = false
        for rule in rules {
            // A file is ignored when it, or one of its folders, matches.
            for depth in 1...parts.count {
                let isDirectory = depth < parts.count
                if rule.directoryOnly && !isDirectory { continue }
                let subject = rule.anchored ? parts[..<depth].joined(separator: "/") : parts[depth - 1]
                if ShowOnly.match(Array(rule.pattern.utf8)[...], Array(subject.utf8)[...]) {
                    ignored = !rule.negate
                    break
                }
            }
        }
        return ignored
    }
}
