import Foundation

/// Sprig's `semver` and `semverCompare` (Masterminds/semver v3 constraint rules).
enum SprigSemver {
    static func register(_ t: inout FunctionTable) {
        t["semver"] = TemplateFunction([.string]) { _, a throws(FunctionError) in
            do {
                return .object(try SemverVersion.parse(SprigStrings.s(a[0])))
            } catch {
                throw FunctionError("Invalid Semantic Version")
            }
        }
        t["semverCompare"] = TemplateFunction([.string, .string]) { _, a throws(FunctionError) in
            let constraint = try SemverConstraint(SprigStrings.s(a[0]))
            let version: SemverVersion
            do { version = try SemverVersion.parse(SprigStrings.s(a[1])) } catch { throw FunctionError("Invalid Semantic Version") }
            return .bool(constraint.check(version))
        }
    }
}

/// A Masterminds/semver v3 constraint: `||`-separated groups of comma/space-separated comparisons.
struct SemverConstraint {
    struct Term {
        let op: String
        let version: SemverVersion
        let dirty: Bool  // had wildcards or missing parts
        let minorDirty: Bool
        let patchDirty: Bool
        let original: String
    }

    let groups: [[Term]]

    init(_ text: String) throws(FunctionError) {
        var groups: [[Term]] = []
        for group in text.components(separatedBy: "||") {
            var terms: [Term] = []
            var tokens = group.replacingOccurrences(of: ",", with: " ").split(separator: " ").map(String.init)
            // Hyphen ranges: "1.2 - 1.4".
            var k = 0
            var expanded: [String] = []
            while k < tokens.count {
                if k + 2 < tokens.count && tokens[k + 1] == "-" {
                    expanded += [">=" + tokens[k], "<=" + tokens[k + 2]]
                    k += 3
                } else {
                    expanded.append(tokens[k])
                    k += 1
                }
            }
            tokens = expanded
            // Operators written apart from their versions (">= 1.2").
            var merged: [String] = []
            for token in tokens {
                if let last = merged.last, ["=", "!=", ">", "<", ">=", "=>", "<=", "=<", "~", "~>", "^"].contains(last) {
                    merged[merged.count - 1] = last + token
                } else {
                    merged.append(token)
                }
            }
            for token in merged { terms.append(try SemverConstraint.term(token, whole: text)) }
            if terms.isEmpty { throw FunctionError("improper constraint: \(text)") }
            groups.append(terms)
        }
        self.groups = groups
    }

    static func term(_ token: String, whole: String) throws(FunctionError) -> Term {
        var op = ""
        var rest = Substring(token)
        for candidate in ["!=", ">=", "=>", "<=", "=<", "~>", ">", "<", "=", "~", "^"] where rest.hasPrefix(candidate) {
            op = candidate
            rest = rest.dropFirst(candidate.count)
            break
        }
        var text = String(rest)
        if text.hasPrefix("v") { text.removeFirst() }
        var core = text
        var suffix = ""
        if let i = text.firstIndex(where: { $0 == "-" || $0 == "+" }) {
            core = String(text[..<i])
            suffix = String(text[i...])
        }
        var parts = core.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard (1...3).contains(parts.count), !parts[0].isEmpty else { throw FunctionError("improper constraint: \(whole)") }
        let wild: (String) -> Bool = { $0 == "x" || $0 == "X" || $0 == "*" }
        var dirty = false
        var minorDirty = false, patchDirty = false
        if parts.count < 2 || wild(parts[1]) { minorDirty = true }
        if parts.count < 3 || wild(parts[2]) || minorDirty { patchDirty = true }
        if wild(parts[0]) { minorDirty = true; patchDirty = true }
        dirty = minorDirty || patchDirty
        parts = parts.map { wild($0) ? "0" : $0 }
        while parts.count < 3 { parts.append("0") }
        guard parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isNumber) }) else { throw FunctionError("improper constraint: \(whole)") }
        let version: SemverVersion
        do { version = try SemverVersion.parse(parts.joined(separator: ".") + suffix) } catch {
            throw FunctionError("improper constraint: \(whole)")
        }
        return Term(op: op, version: version, dirty: dirty, minorDirty: minorDirty, patchDirty: patchDirty, original: token)
    }

    func check(_ v: SemverVersion) -> Bool {
        groups.contains { group in group.allSatisfy { SemverConstraint.matches(v, $0) } }
    }

    static func bump(_ v: SemverVersion, major: Bool = false, minor: Bool = false, patch: Bool = false) -> SemverVersion {
        if major { return SemverVersion(major: v.major + 1, minor: 0, patch: 0, prerelease: "", metadata: "", original: "") }
        if minor { return SemverVersion(major: v.major, minor: v.minor + 1, patch: 0, prerelease: "", metadata: "", original: "") }
        return SemverVersion(major: v.major, minor: v.minor, patch: v.patch + 1, prerelease: "", metadata: "", original: "")
    }

    static func matches(_ v: SemverVersion, _ t: Term) -> Bool {
        let c = t.version
        // A prerelease version only satisfies a constraint that names a prerelease.
        if !v.prerelease.isEmpty && c.prerelease.isEmpty { return false }
        let cmp = v.compare(c)
        switch t.op {
        case "", "=":
            if t.dirty {
                if v.major != c.major { return false }
                if !t.minorDirty && v.minor != c.minor { return false }
                if !t.patchDirty && v.patch != c.patch { return false }
                return true
            }
            return cmp == 0
        case "!=":
            if t.dirty {
                if v.major != c.major { return true }
                if !t.minorDirty && v.minor != c.minor { return true }
                if !t.patchDirty && v.patch != c.patch { return true }
                return false
            }
            return cmp != 0
        case ">":
            if t.dirty {
                if v.major != c.major { return v.major > c.major }
                if t.minorDirty { return false }
                if v.minor != c.minor { return v.minor > c.minor }
                if t.patchDirty { return false }
            }
            return cmp > 0
        case ">=", "=>": return cmp >= 0
        case "<":
            return cmp < 0
        case "<=", "=<":
            if t.dirty {
                if v.major != c.major { return v.major < c.major }
                if t.minorDirty { return true }
                if v.minor != c.minor { return v.minor < c.minor }
                if t.patchDirty { return true }
            }
            return cmp <= 0
        case "~", "~>":
            if cmp < 0 { return false }
            if c.major == 0 && c.minor == 0 && c.patch == 0 && t.minorDirty { return v.major == 0 }
            if v.major != c.major { return false }
            if v.minor != c.minor && !t.minorDirty { return false }
            return true
        case "^":
            if cmp < 0 { return false }
            if c.major > 0 || t.minorDirty { return v.major == c.major }
            if c.minor > 0 || t.patchDirty { return v.major == 0 && v.minor == c.minor }
            return v.major == 0 && v.minor == 0 && v.patch == c.patch
        default:
            return false
        }
    }
}
