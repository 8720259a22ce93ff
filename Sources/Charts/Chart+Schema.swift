import CapstanCore

extension Chart {
    /// Helm's ValidateAgainstSchema: each chart's schema against its own coalesced values, parent
    /// first, then subcharts; one `<chart>:` block of `- at '<path>': <why>` lines per failing chart.
    func schemaReport(_ values: [String: JSONValue]) -> String {
        var report = ""
        if let schema {
            let failures = ValuesSchema(root: schema).validate(.object(values))
            if !failures.isEmpty {
                report += "\(name):\n" + failures.map { "- at '\($0.pointer)': \($0.message)\n" }.joined()
            }
        }
        for sub in subcharts {
            report += sub.schemaReport(values[sub.name]?.objectValue ?? [:])
        }
        return report
    }
}
