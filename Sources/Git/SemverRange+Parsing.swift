import Version

extension SemverRange {
    /// A version with some parts left out or written `x`/`*`: `1`, `1.2`, `1.x`, `1.2.3-rc.1`.
    struct Partial {
        var parts: [Int]
        var pre: [String]

        init?(_ text: Substring) {
            var text = text
            if text.first == "v" || text.first == "V" || text.first == "=" { text = text.dropFirst() }
            let withoutBuild = text.split(separator: "+", maxSplits: 1, omittingEmptySubsequences: false)[0]
            let pieces = withoutBuild.split(separator: "-", maxSplits: 1, omittingEmptySubsequences: false)
            pre = pieces.count > 1 ? pieces[1].split(separator: ".").map(String.init) : []
            parts = []
            for piece in pieces[0].split(separator: ".", omittingEmptySubsequences: false) {
                if ["x", "X", "*"].contains(piece) { break }
                guard let number = Int(piece), number >= 0, parts.count < 3 else { return nil }
                parts.append(number)
            }
            if text == "*" || text.isEmpty { parts = [] }
        }

        var floor: Version { Version(part(0), part(1), part(2), pre: parts.count == 3 ? pre : []) }
        func part(_ index: Int) -> Int { index < parts.count ? parts[index] : 0 }

        /// The first version above everything the partial covers (`1.2` → `1.3.0`), nil when unbounded.
        var ceiling: Version? {
            switch parts.count {
            case 0: nil
            case 1: Version(parts[0] + 1, 0, 0)
            case 2: Version(parts[0], parts[1] + 1, 0)
            default: nil
            }
        }
    }

    static func parseSet(_ text: String) -> [Comparator]? {
        let tokens = tokenize(text)
        if tokens.count == 3, tokens[1] == "-" {
            guard let low = Partial(tokens[0]), let high = Partial(tokens[2]) else { return nil }
            return [Comparator(op: .greaterOrEqual, version: low.floor)] + upTo(high, inclusive: true)
        }
        var set: [Comparator] = []
        for token in tokens {
            guard let comparators = parseToken(token) else { return nil }
            set += comparators
        }
        return set.isEmpty ? [Comparator(op: .greaterOrEqual, version: Version(0, 0, 0))] : set
    }

    /// Splits on spaces, gluing an operator written apart from its version (`>= 1.2`).
    static func tokenize(_ text: String) -> [Substring] {
        var tokens: [Substring] = []
        var pendingOperator: Substring?
        for word in text.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "," }) {
            if ["<", "<=", ">", ">=", "=", "~", "^"].contains(word) { pendingOperator = word; continue }
            tokens.append(pendingOperator.map { Substring($0 + word) } ?? word)
            pendingOperator = nil
        }
        return tokens
    }

    static func parseToken(_ token: Substring) -> [Comparator]? {
        for (prefix, op) in [(">=", Comparator.Operator.greaterOrEqual), ("<=", .lessOrEqual), (">", .greater), ("<", .less)] where token.hasPrefix(prefix) {
            guard let partial = Partial(token.dropFirst(prefix.count)) else { return nil }
            return bound(op, partial)
        }
        if token.hasPrefix("~>") { return tilde(Partial(token.dropFirst(2))) }
        if token.hasPrefix("~") { return tilde(Partial(token.dropFirst())) }
        if token.hasPrefix("^") { return caret(Partial(token.dropFirst())) }
        guard let partial = Partial(token) else { return nil }
        if partial.parts.count == 3 { return [Comparator(op: .equal, version: partial.floor)] }
        return [Comparator(op: .greaterOrEqual, version: partial.floor)] + upTo(partial, inclusive: true)
    }

    static func bound(_ op: Comparator.Operator, _ partial: Partial) -> [Comparator] {
        switch (op, partial.ceiling) {
        case (.greater, let ceiling?): [Comparator(op: .greaterOrEqual, version: ceiling)]
        case (.lessOrEqual, _): upTo(partial, inclusive: true)
        case (.greater, nil) where partial.parts.isEmpty: [Comparator(op: .less, version: Version(0, 0, 0))]
        default: [Comparator(op: op, version: partial.floor)]
        }
    }

    /// `<= partial`: below its ceiling when it is partial, at most it when complete.
    static func upTo(_ partial: Partial, inclusive: Bool) -> [Comparator] {
        if let ceiling = partial.ceiling { return [Comparator(op: .less, version: ceiling)] }
        if partial.parts.isEmpty { return [] }
        return [Comparator(op: inclusive ? .lessOrEqual : .less, version: partial.floor)]
    }

    static func tilde(_ partial: Partial?) -> [Comparator]? {
        guard let partial, !partial.parts.isEmpty else { return partial == nil ? nil : [] }
        let ceiling = partial.parts.count == 1 ? Version(partial.parts[0] + 1, 0, 0) : Version(partial.parts[0], partial.parts[1] + 1, 0)
        return [Comparator(op: .greaterOrEqual, version: partial.floor), Comparator(op: .less, version: ceiling)]
    }

    static func caret(_ partial: Partial?) -> [Comparator]? {
        guard let partial, !partial.parts.isEmpty else { return partial == nil ? nil : [] }
        let (major, minor, patch) = (partial.part(0), partial.part(1), partial.part(2))
        let ceiling: Version
        if major > 0 || partial.parts.count == 1 { ceiling = Version(major + 1, 0, 0) }
        else if minor > 0 || partial.parts.count == 2 { ceiling = Version(0, minor + 1, 0) }
        else { ceiling = Version(0, 0, patch + 1) }
        return [Comparator(op: .greaterOrEqual, version: partial.floor), Comparator(op: .less, version: ceiling)]
    }
}
