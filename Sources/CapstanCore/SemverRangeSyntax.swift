/// Checks the text of a semver range (Masterminds/Flux syntax) so config mistakes surface at load.
///
/// Accepted: constraints joined by spaces or commas (all must hold) and groups joined by `||`
/// (any may hold); each constraint an optional operator (`=`, `!=`, `>`, `<`, `>=`, `<=`, `~`,
/// `~>`, `^`) before a version of one to three parts (`1`, `1.2`, `v1.2.3`, wildcards `x`, `X`,
/// `*`) with an optional `-prerelease` and `+build`; or a hyphen range `1.2 - 1.4.5`.
public enum SemverRangeSyntax {
    /// Nil when `text` is a valid range, else what is wrong with it.
    public static func problem(in text: String) -> String? {
        let groups = text.split(separator: "||", omittingEmptySubsequences: false)
        for group in groups {
            if let problem = groupProblem(group) { return problem }
        }
        return nil
    }

    private static let operators: Set<String> = ["=", "!=", ">", "<", ">=", "=>", "<=", "=<", "~", "~>", "^"]

    private static func groupProblem(_ group: Substring) -> String? {
        let words = group.split(whereSeparator: { $0 == " " || $0 == "," || $0 == "\t" }).map(String.init)
        if words.isEmpty { return "a constraint is empty" }
        if words.count == 3, words[1] == "-" {
            return versionProblem(words[0]) ?? versionProblem(words[2])
        }
        var index = 0
        while index < words.count {
            var word = words[index]
            if operators.contains(word) {
                guard index + 1 < words.count else { return "operator \"\(word)\" has no version after it" }
                index += 1
                word += words[index]
            }
            if let problem = constraintProblem(word) { return problem }
            index += 1
        }
        return nil
    }

    private static func constraintProblem(_ constraint: String) -> String? {
        let operatorText = constraint.prefix { "=!<>~^".contains($0) }
        if !operatorText.isEmpty && !operators.contains(String(operatorText)) {
            return "unknown operator \"\(operatorText)\""
        }
        return versionProblem(String(constraint.dropFirst(operatorText.count)))
    }

    private static func versionProblem(_ text: String) -> String? {
        var core = Substring(text)
        if core.first == "v" { core = core.dropFirst() }
        if let plus = core.firstIndex(of: "+") {
            guard isIdentifierList(core[core.index(after: plus)...]) else { return "\"\(text)\" has a bad build suffix" }
            core = core[..<plus]
        }
        if let dash = core.firstIndex(of: "-") {
            guard isIdentifierList(core[core.index(after: dash)...]) else { return "\"\(text)\" has a bad pre-release" }
            core = core[..<dash]
        }
        let parts = core.split(separator: ".", omittingEmptySubsequences: false)
        let valid = (1...3).contains(parts.count) && parts.allSatisfy { part in
            part == "x" || part == "X" || part == "*" || (!part.isEmpty && part.allSatisfy { $0.isASCII && $0.isNumber })
        }
        return valid ? nil : "\"\(text)\" is not a version like 1, 1.2, 1.2.3 or 1.2.x"
    }

    private static func isIdentifierList(_ text: Substring) -> Bool {
        let identifiers = text.split(separator: ".", omittingEmptySubsequences: false)
        return identifiers.allSatisfy { identifier in
            !identifier.isEmpty && identifier.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }
        }
    }
}
