import CapstanCore
import Foundation
import Testing

@testable import Manifests

/// Helm's `toYaml` and `toYamlPretty` cases from the Go-template corpus: the function over
/// `data.json` must give `expected.txt` (Helm trims the final newline). Cases that need the
/// template engine (`indent`, `with`, literals) are left to the Templates tests.
@Suite struct ToYAMLCorpusTests {
    @Test func toYamlCasesMatchHelmByteForByte() throws {
        var passed = 0
        var failures: [String] = []
        var total = 0
        for directory in Corpus.directories("gotemplate/cases/helm-funcs")
        where directory.lastPathComponent.hasPrefix("toYaml") {
            let template = Corpus.text(directory.appendingPathComponent("template.tmpl"))
            let flavor: YAMLWriter.Flavor
            switch template {
            case "{{toYaml .}}": flavor = .sigsYAML
            case "{{toYamlPretty .}}": flavor = .yamlV3(indent: 2)
            default: continue
            }
            guard
                let data = Corpus.bytes(directory.appendingPathComponent("data.json")),
                let expected = Corpus.text(directory.appendingPathComponent("expected.txt"))
            else { continue }
            total += 1
            let value = try JSONValue.parse(data)
            var written = YAMLWriter.write(value, flavor: flavor)
            if written.hasSuffix("\n") { written.removeLast() }
            if written == expected {
                passed += 1
            } else {
                failures.append("\(directory.lastPathComponent):\n--- expected\n\(expected)\n--- got\n\(written)")
            }
        }
        print("toYaml/toYamlPretty corpus: \(passed)/\(total) byte-identical")
        #expect(total > 0, "no toYaml cases found under \(Corpus.root.path)")
        #expect(failures.isEmpty, "\(failures.joined(separator: "\n"))")
    }

    @Test func toYamlScalarsMatchHelm() {
        // toYaml-scalars: {{toYaml 1}}|{{toYaml "s"}}|{{toYaml true}}|{{toYaml nil}}|{{toYaml 1.5}}|{{toYaml .e}}|{{toYaml .l}}
        let values: [JSONValue] = [.int(1), .string("s"), .bool(true), .null, .double(1.5), .object([:]), .array([])]
        let joined = values.map { YAMLWriter.write($0).dropLast() }.joined(separator: "|")
        #expect(joined == "1|s|true|null|1.5|{}|[]")
    }

    @Test func toYamlPrettyIndentsSequencesAndNeverFolds() {
        let long = String(repeating: "word ", count: 30) + "end"
        let value: JSONValue = ["b": ["x": [["y": 1]]], "a": .string(long), "n": .double(1_000_000), "m": .int(1_000_000)]
        let expected = "a: \(long)\nb:\n  x:\n    - \"y\": 1\nm: 1000000\n\"n\": 1e+06\n"
        #expect(YAMLWriter.write(value, flavor: .yamlV3(indent: 2)) == expected)
    }
}
