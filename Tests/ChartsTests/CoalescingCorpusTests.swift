import CapstanCore
import Charts
import Foundation
import Sandbox
import Templates
import Testing

/// Runs ../shared/conformance/helm/values-coalescing: Helm's CoalesceValues tests as chart folders.
@Suite struct CoalescingCorpusTests {
    struct Expectation: Decodable {
        struct Probe: Decodable { let template: String; let expect: String }
        let chart: String
        let values: String
        let probes: [Probe]
        let absent: [String]?
        let present: [String]?
        let null: [String]?
    }

    /// Checks one case; returns the failures.
    static func check(_ caseDir: String) throws -> [String] {
        let expected = try JSONDecoder().decode(Expectation.self, from: Data(contentsOf: URL(fileURLWithPath: caseDir + "/expected.json")))
        let tree = try SourceTree(root: caseDir)
        let chart = try Chart.load(expected.chart, in: tree)
        let user = try ValueCoalescing.userValues(valuesFiles: [expected.values], in: tree)
        let values = ValueCoalescing.coalesce(chart: chart, user: user)
        var failures: [String] = []
        let set = TemplateSet(functions: FunctionLibrary.helm)
        for (index, probe) in expected.probes.enumerated() {
            try set.parse(name: "p\(index)", bytes: Array(probe.template.utf8))
            let out = try set.executeString(name: "p\(index)", data: Value.from(.object(values)))
            if out != probe.expect { failures.append("\(probe.template) = \(out), want \(probe.expect)") }
        }
        for key in expected.absent ?? [] where lookup(key, values) != nil { failures.append("\(key) present") }
        for key in expected.present ?? [] where lookup(key, values) == nil { failures.append("\(key) absent") }
        for key in expected.null ?? [] where lookup(key, values) != .null { failures.append("\(key) not null") }
        return failures
    }

    static func lookup(_ dotted: String, _ values: [String: JSONValue]) -> JSONValue? {
        var node: JSONValue? = .object(values)
        for key in dotted.split(separator: ".") { node = node?.objectValue?[String(key)] }
        return node
    }

    @Test func everyValuesCoalescingFixturePasses() throws {
        guard let corpus = ConformanceTests.corpus else { return }
        let root = corpus + "/values-coalescing"
        let names = try FileManager.default.contentsOfDirectory(atPath: root).sorted()
        var passed = 0
        for name in names {
            let failures = try Self.check(root + "/" + name)
            #expect(failures.isEmpty, "\(name): \(failures)")
            if failures.isEmpty { passed += 1 }
        }
        print("helm conformance values-coalescing: \(passed)/\(names.count)")
        #expect(passed == names.count)
    }
}
