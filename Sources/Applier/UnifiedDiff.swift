/// A line diff in the unified format `diff -u` and `kubectl diff` print, with 3 lines of context.
public enum UnifiedDiff {
    /// The diff of `old` against `new`, labelled with the two names; empty when the texts are equal.
    public static func diff(old: String, new: String, oldName: String, newName: String, context: Int = 3) -> String {
        let before = lines(old), after = lines(new)
        let edits = script(before, after)
        guard edits.contains(where: { $0.kind != " " }) else { return "" }
        var output = "--- \(oldName)\n+++ \(newName)\n"
        for hunk in hunks(edits, context: context) { output += render(hunk, edits: edits) }
        return output
    }

    struct Edit {
        var kind: Character
        var text: String
        var oldLine: Int
        var newLine: Int
    }

    static func lines(_ text: String) -> [String] {
        var result = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if result.last == "" { result.removeLast() }
        return result
    }

    /// The edit script from a longest-common-subsequence table (inputs here are single objects, so small).
    static func script(_ old: [String], _ new: [String]) -> [Edit] {
        let rows = old.count, columns = new.count
        var table = [[Int]](repeating: [Int](repeating: 0, count: columns + 1), count: rows + 1)
        for i in stride(from: rows - 1, through: 0, by: -1) {
            for j in stride(from: columns - 1, through: 0, by: -1) {
                table[i][j] = old[i] == new[j] ? table[i + 1][j + 1] + 1 : max(table[i + 1][j], table[i][j + 1])
            }
        }
        var edits: [Edit] = []
        var i = 0, j = 0
        while i < rows || j < columns {
            if i < rows, j < columns, old[i] == new[j] {
                edits.append(Edit(kind: " ", text: old[i], oldLine: i, newLine: j)); i += 1; j += 1
            } else if i < rows, j == columns || table[i + 1][j] >= table[i][j + 1] {
                edits.append(Edit(kind: "-", text: old[i], oldLine: i, newLine: j)); i += 1
            } else {
                edits.append(Edit(kind: "+", text: new[j], oldLine: i, newLine: j)); j += 1
            }
        }
        return edits
    }

    /// Ranges of the edit script that form hunks: changes with `context` lines around, merged when close.
    static func hunks(_ edits: [Edit], context: Int) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        for (index, edit) in edits.enumerated() where edit.kind != " " {
            let range = max(0, index - context)..<min(edits.count, index + context + 1)
            if let last = ranges.last, last.upperBound >= range.lowerBound {
                ranges[ranges.count - 1] = last.lowerBound..<max(last.upperBound, range.upperBound)
            } else {
                ranges.append(range)
            }
        }
        return ranges
    }

    static func render(_ hunk: Range<Int>, edits: [Edit]) -> String {
        let slice = edits[hunk]
        let oldCount = slice.filter { $0.kind != "+" }.count, newCount = slice.filter { $0.kind != "-" }.count
        let first = slice.first!
        let oldStart = oldCount == 0 ? first.oldLine : first.oldLine + 1
        let newStart = newCount == 0 ? first.newLine : first.newLine + 1
        var output = "@@ -\(oldStart),\(oldCount) +\(newStart),\(newCount) @@\n"
        for edit in slice { output += "\(edit.kind)\(edit.text)\n" }
        return output
    }
}
