import CapstanCore
import Logging
import Testing

@testable import StageRuntime

@Suite struct JSONLogFormatTests {
    @Test func writesOneObjectPerLineInTheLogfmtKeyOrder() {
        let sink = CapturingSink()
        sink.logger(format: .json).info("fetched", metadata: ["zeta": "1", "app": "web", "duration": "12ms"])
        #expect(sink.written == [
            "{\"ts\":\"2026-11-27T23:00:00.123Z\",\"level\":\"info\",\"stage\":\"fetcher\",\"app\":\"web\","
                + "\"msg\":\"fetched\",\"duration\":\"12ms\",\"zeta\":\"1\"}\n"
        ])
    }

    @Test func escapesStringsAndKeepsNestingSoLinesParse() throws {
        let sink = CapturingSink()
        sink.logger(format: .json).notice(
            "quote \" backslash \\ newline \n tab \t bell \u{07} unicode é",
            metadata: ["list": ["a", "b"], "map": ["k": "v"], "we\"ird": "x"]
        )
        let line = try #require(sink.written.first)
        #expect(line.hasSuffix("}\n"))
        #expect(line.dropLast().contains("\n") == false)
        #expect(line.contains("\"msg\":\"quote \\\" backslash \\\\ newline \\n tab \\t bell \\u0007 unicode é\""))
        let object = try JSONValue.parse(String(line.dropLast()))
        #expect(object["stage"] == "fetcher")
        #expect(object["level"] == "notice")
        #expect(object["list"] == .array(["a", "b"]))
        #expect(object["map"]?["k"] == "v")
        #expect(object["we\"ird"] == "x")
    }
}
