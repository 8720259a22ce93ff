import Templates

/// `helm template --show-only`: keeps the manifests whose path after the chart name matches a
/// pattern, in pattern order, and fails for a pattern that matches nothing.
enum ShowOnly {
    static func select(_ entries: [RenderedManifest], patterns: [String]) throws -> [RenderedManifest] {
        var out: [RenderedManifest] = []
        for pattern in patterns {
            let matched = entries.filter { entry in
                guard let slash = entry.path.firstIndex(of: "/") else { return false }
                return match(Array(pattern.utf8)[...], Array(entry.path[entry.path.index(after: slash)...].utf8)[...])
            }
            guard !matched.isEmpty else { throw ChartError("could not find template \(pattern) in chart") }
            out += matched
        }
        return out
    }

    /// Go's filepath.Match with `/` separators: `*` and `?` stop at `/`, `[...]` classes, `\` escapes.
    static func match(_ p: ArraySlice<UInt8>, _ s: ArraySlice<UInt8>) -> Bool {
        guard let c = p.first else { return s.isEmpty }
        switch c {
        case UInt8(ascii: "*"):
            var i = s.startIndex
            while true {
                if match(p.dropFirst(), s[i...]) { return true }
                if i == s.endIndex || s[i] == UInt8(ascii: "/") { return false }
                i += 1
            }
        case UInt8(ascii: "?"):
            guard let h = s.first, h != UInt8(ascii: "/") else { return false }
            return match(p.dropFirst(), s.dropFirst())
        case UInt8(ascii: "["):
            guard let h = s.first, let close = p.firstIndex(of: UInt8(ascii: "]")) else { return false }
            var set = p[(p.startIndex + 1)..<close]
            let negate = set.first == UInt8(ascii: "^")
            if negate { set = set.dropFirst() }
            var hit = false
            var i = set.startIndex
            while i < set.endIndex {
                if i + 2 < set.endIndex, set[i + 1] == UInt8(ascii: "-") {
                    if set[i] <= h && h <= set[i + 2] { hit = true }
                    i += 3
                } else {
                    if set[i] == h { hit = true }
                    i += 1
                }
            }
            return hit != negate && match(p[(close + 1)...], s.dropFirst())
        case UInt8(ascii: "\\"):
            let rest = p.dropFirst()
            guard let literal = rest.first, s.first == literal else { return false }
            return match(rest.dropFirst(), s.dropFirst())
        default:
            guard s.first == c else { return false }
            return match(p.dropFirst(), s.dropFirst())
        }
    }
}
