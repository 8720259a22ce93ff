import CapstanCore
import Foundation
import Testing

/// docs/config.md stays true to the decoder: its examples load, every field the decoder knows has
/// a row, and every literal default in a row is the default the code applies.
@Suite struct ConfigReferenceTests {
    static let document: String = {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        return (try? String(contentsOf: root.appendingPathComponent("docs/config.md"), encoding: .utf8)) ?? ""
    }()

    /// A field in one of the reference tables: the section it is under and its cells.
    struct Row {
        var section: String
        var field: String
        var defaultCell: String
        var stagesCell: String
    }

    /// Each table's section heading and a config that decodes with `FIELD: VALUE` put in that table's mapping.
    static let probes: [String: @Sendable (String, String) -> String] = [
        "sources[]": { "sources: [{name: s, url: /x, \($0): \($1)}]" },
        "apps[]": { "sources: [{name: s, url: /x}]\napps: [{name: a, source: s, \($0): \($1)}]" },
        "apps[].helm": { "sources: [{name: s, url: /x}]\napps: [{name: a, source: s, helm: {\($0): \($1)}}]" },
        "stages.<stage>.curve": { "stages: {fetcher: {curve: {serverSecretKeyFile: k, serverPublicKeyFile: p, \($0): \($1)}}}" },
        "stages.<stage>.upstream[]": { "stages: {renderer: {upstream: [{pub: \"tcp://f:1\", router: \"tcp://f:2\", \($0): \($1)}]}}" },
        "limits": { "limits: {\($0): \($1)}" },
    ]

    static var rows: [Row] {
        var section = ""
        var rows: [Row] = []
        for line in document.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("#") {
                section = line.split(separator: "`").dropFirst().first.map(String.init) ?? ""
                continue
            }
            let cells = line.split(separator: "|", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            guard cells.count > 4, cells[1].hasPrefix("`"), cells[1].hasSuffix("`"), cells[1].count > 2 else { continue }
            rows.append(Row(section: section, field: String(cells[1].dropFirst().dropLast()), defaultCell: cells[3], stagesCell: cells[4]))
        }
        return rows
    }

    static func decode(_ text: String) throws -> CapstanConfig { try CapstanConfig.decode(text, file: "probe.yaml") }

    /// The fields the decoder accepts in one mapping, read from its own "unknown field" message.
    static func knownFields(_ config: String) throws -> [String] {
        do {
            _ = try CapstanConfig.decode(config, file: "probe.yaml")
        } catch {
            for problem in error.problems where problem.message.hasPrefix("unknown field (known fields: ") {
                return problem.message.dropFirst("unknown field (known fields: ".count).dropLast()
                    .split(separator: ", ").map(String.init)
            }
        }
        Issue.record("no unknown-field problem for \(config)")
        return []
    }

    @Test func everyYAMLExampleInTheReferenceLoads() throws {
        let blocks = Self.document.components(separatedBy: "```yaml\n").dropFirst().map { $0.components(separatedBy: "```")[0] }
        #expect(blocks.count >= 3)
        for block in blocks {
            #expect(throws: Never.self, "\(block)") { try Self.decode(block) }
        }
    }

    @Test func theOpeningExampleDecodesAsTheTablesSay() throws {
        let block = Self.document.components(separatedBy: "```yaml\n")[1].components(separatedBy: "```")[0]
        let config = try Self.decode(block)
        let podinfo = try #require(config.app(named: "podinfo"))
        #expect(podinfo.timeout == .minutes(5) && podinfo.interval == .minutes(10) && podinfo.dependsOn == ["infra"])
        let infra = try #require(config.app(named: "infra"))
        #expect(infra.timeout == infra.interval && !infra.prune && !infra.wait)
        #expect(config.stages.applier.kubeconfig == nil)
        #expect(config.stages.applier.upstream.map(\.router) == ["tcp://renderer:7412"])
    }

    @Test func everyFieldTheDecoderKnowsHasARow() throws {
        let probes = [
            "zzz: 1", "sources: [{name: s, url: /x, zzz: 1}]", "sources: [{name: s, url: /x, ref: {zzz: 1}}]",
            "apps: [{zzz: 1}]", "apps: [{helm: {zzz: 1}}]", "stages: {zzz: 1}", "stages: {fetcher: {zzz: 1}}",
            "stages: {renderer: {zzz: 1}}", "stages: {applier: {zzz: 1}}", "stages: {fetcher: {curve: {zzz: 1}}}",
            "stages: {renderer: {upstream: [{zzz: 1}]}}", "limits: {zzz: 1}",
        ]
        let documented = Set(Self.rows.map(\.field))
        for probe in probes {
            // Mappings of mappings (the top level, `stages`) are documented by their headings.
            let byHeading = probe == "zzz: 1" || probe == "stages: {zzz: 1}"
            for field in try Self.knownFields(probe) {
                let row = probe.contains("ref:") ? "ref.\(field)" : field
                let found = byHeading ? Self.document.contains("`\(field)") : documented.contains(row)
                #expect(found, "\(row) (known in \(probe)) has no row in docs/config.md")
            }
        }
    }

    @Test func everyLiteralDefaultInATableIsTheCodedDefault() throws {
        var checked = 0
        for row in Self.rows {
            guard let value = Self.literal(row.defaultCell), let config = try Self.probe(row, value) else { continue }
            let (written, omitted) = config
            #expect(try Self.decode(written) == Self.decode(omitted), "\(row.section) \(row.field): default \(value)")
            checked += 1
        }
        #expect(checked >= 25)
    }

    /// The cell's value when it is exactly one code span (`1m`), else nil ("none", "the app's name").
    static func literal(_ cell: String) -> String? {
        guard cell.hasPrefix("`"), cell.hasSuffix("`"), cell.count > 2, cell.filter({ $0 == "`" }).count == 2,
            !cell.contains("<") else { return nil }
        return String(cell.dropFirst().dropLast())
    }

    /// The config with the field written at its default, and the same config without it.
    static func probe(_ row: Row, _ value: String) throws -> (String, String)? {
        if row.section == "stages" {
            let listed = row.stagesCell.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
            guard let stage = listed.first == "all" ? "fetcher" : listed.first(where: { StageName(rawValue: $0) != nil }) else { return nil }
            return ("stages: {\(stage): {\(row.field): \(value)}}", "stages: {\(stage): {}}")
        }
        guard let make = probes[row.section] else { return nil }
        guard !row.field.contains(".") else { return nil }
        let written = make(row.field, value)
        let omitted = make("zzzOmitted", "1").replacingOccurrences(of: ", zzzOmitted: 1", with: "")
            .replacingOccurrences(of: "{zzzOmitted: 1}", with: "{}")
        return (written, omitted)
    }
}
