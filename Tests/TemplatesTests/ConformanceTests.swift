import CapstanCore
import Foundation
import Templates
import Testing

/// Runs every case of the Go template corpus and holds each folder's pass rate at or above its floor.
@Suite struct ConformanceTests {
    static let testsDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()

    /// Cases skipped on purpose, from SKIPPED.md lines of the form "| `folder/case` | reason |".
    static func skipped() -> [String: String] {
        let url = testsDirectory.appendingPathComponent("SKIPPED.md")
        guard let text = try? String(contentsOf: url, encoding: .utf8) else { return [:] }
        var result: [String: String] = [:]
        for line in text.split(separator: "\n") where line.hasPrefix("| `") {
            let cells = line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
            guard cells.count >= 2 else { continue }
            result[cells[0].trimmingCharacters(in: CharacterSet(charactersIn: "`"))] = cells[1]
        }
        return result
    }

    static func floors() -> [String: Double] {
        let url = testsDirectory.appendingPathComponent("conformance-floor.json")
        guard let data = FileManager.default.contents(atPath: url.path),
            let json = try? JSONValue.parse([UInt8](data)), let object = json.objectValue
        else { return [:] }
        var result: [String: Double] = [:]
        for (key, value) in object {
            switch value {
            case .double(let d): result[key] = d
            case .int(let i): result[key] = Double(i)
            default: break
            }
        }
        return result
    }

    @Test func everyFolderStaysAtOrAboveItsFloor() throws {
        let cases = ConformanceCase.all()
        try #require(!cases.isEmpty, "corpus not found at \(ConformanceCase.root.path)")
        let skipped = Self.skipped()
        var outcomes: [(ConformanceCase, ConformanceCase.Outcome?)] = []
        BigStack.run {
            for c in cases {
                outcomes.append((c, skipped[c.id] != nil ? nil : c.run()))
            }
        }
        var perFolder: [String: (pass: Int, total: Int, skipped: Int)] = [:]
        var failures: [String] = []
        var otherWording = 0
        for (c, outcome) in outcomes {
            var entry = perFolder[c.folder] ?? (0, 0, 0)
            entry.total += 1
            switch outcome {
            case .pass?: entry.pass += 1
            case .passWithOtherWording(let why)?:
                entry.pass += 1
                otherWording += 1
                failures.append("\(c.id) (wording only): \(why)")
            case .fail(let why)?: failures.append("\(c.id): \(why)")
            case nil: entry.skipped += 1
            }
            perFolder[c.folder] = entry
        }
        if let path = ProcessInfo.processInfo.environment["CONFORMANCE_FAILURES"] {
            try failures.joined(separator: "\n\n").write(toFile: path, atomically: true, encoding: .utf8)
        }
        let floors = Self.floors()
        var report = "gotemplate conformance (pass/total, skipped):\n"
        for folder in perFolder.keys.sorted() {
            let e = perFolder[folder]!
            let rate = Double(e.pass) * 100 / Double(e.total)
            report += String(format: "  %-16@ %4d/%-4d %6.2f %%  skipped %d\n", folder as NSString, e.pass, e.total, rate, e.skipped)
            let floor = floors[folder] ?? 0
            #expect(rate + 1e-9 >= floor, "\(folder): pass rate \(rate) % fell below the floor \(floor) %")
        }
        report += "  errors in the right phase but worded differently from Go: \(otherWording)\n"
        print(report)
    }
}
