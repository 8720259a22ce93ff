/// The most common RE2 syntax errors, worded as Go's regexp/syntax reports them.
enum GoRegexSyntax {
    static func error(in pattern: String) -> String? {
        let chars = Array(pattern)
        var depth = 0
        var i = 0
        var previousWasAtom = false
        while i < chars.count {
            let c = chars[i]
            switch c {
            case "\\":
                if i + 1 >= chars.count { return "trailing backslash at end of expression: ``" }
                i += 2
                previousWasAtom = true
                continue
            case "[":
                var j = i + 1
                if j < chars.count && chars[j] == "^" { j += 1 }
                if j < chars.count && chars[j] == "]" { j += 1 }
                while j < chars.count && chars[j] != "]" {
                    if chars[j] == "\\" { j += 1 }
                    j += 1
                }
                if j >= chars.count { return "missing closing ]: `\(String(chars[i...]))`" }
                i = j + 1
                previousWasAtom = true
                continue
            case "(":
                depth += 1
                previousWasAtom = false
                // Group flags and names: (?i) (?:…) (?P<name>…).
                if i + 1 < chars.count && chars[i + 1] == "?" { i += 1 }
            case ")":
                if depth == 0 { return "unexpected ): `\(pattern)`" }
                depth -= 1
                previousWasAtom = true
            case "*", "+", "?":
                if !previousWasAtom { return "missing argument to repetition operator: `\(c)`" }
                previousWasAtom = false
                if i + 1 < chars.count && chars[i + 1] == "?" { i += 1 }
            case "|":
                previousWasAtom = false
            default:
                previousWasAtom = true
            }
            i += 1
        }
        if depth > 0 { return "missing closing ): `\(pattern)`" }
        return nil
    }
}
