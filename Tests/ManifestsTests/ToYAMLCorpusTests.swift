import CapstanCore
import Foundation
import Testing

@testable import Manifests

/// Helm's `toYaml` cases from the Go-template corpus: `{{toYaml .}}` over `data.json` must give
/// `expected.txt` (Helm trims the final newline).
@Suite struct ToYAMLCorpusTests {
    @Test func toYamlCasesMatchHelmByteForByte() throws {
        var passed = 0
        var failures: [String] = []
        var total = 0
        for directory in Corpus.directories("gotemplate/cases/helm-funcs")
        where directory.lastPathComponent.hasPrefix("toYaml-") {
            guard Corpus.text(directory.appendingPathComponent("template.tmpl")) == "{{toYaml .}}",
                let data = Corpus.bytes(directory.appendingPathComponent("data.json")),
                let expected = Corpus.text(directory.appendingPathComponent("expected.txt"))
            else { continue }
            total += 1
            let value = try JSONValue.parse(data)
            var written = YAMLWriter.write(value)
            if written.hasSuffix("\n") { written.removeLast() }
            if written == expected {
                passed += 1
            } else {
                failures.append("\(directory.lastPathComponent):\n--- expected\n\(expected)\n--- got\n\(written)")
            }
        }
        print("toYaml corpus: \(passed)/\(total) byte-identical")
        #expect(total > 0, "no toYaml cases found under \(Corpus.root.path)")
        #expect(failures.isEmpty, "\(failures.joined(separator: "\n"))")
    }

    @Test func toYamlScalarsMatchHelm() {
        // toYaml-scalars: {{toYaml 1}}|{{toYaml "s"}}|{{toYaml true}}|{{toYaml nil}}|{{toYaml 1.5}}|{{toYaml .e}}|{{toYaml .l}}
        let values: [JSONValue] = [.int(1), .string("s"), .bool(true), .null, .double(1.5), .object([:]), .array([])]
        let joined = values.map { YAMLWriter.write($0).dropLast() }.joined(separator: "|")
        #expect(joined == "1|s|true|null|1.5|{}|[]")
    }
}
